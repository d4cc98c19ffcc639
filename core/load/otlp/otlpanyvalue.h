#pragma once

#include "load/otlp/otlpspans.h"

#include <nlohmann/json.hpp>

namespace te::loader::otlp {

/// Appends the attributes of an OTLP key-value list (`[{"key": k, "value": AnyValue}]`)
/// to `out`. An AnyValue is {stringValue}, {intValue} (a string in JSON, a number
/// accepted), {doubleValue}, {boolValue}, {bytesValue} (its base64 text),
/// {arrayValue: {values: [...]}} (scalars joined with ", ") or {kvlistValue:
/// {values: [...]}} (one attribute per member, named "key.member"). Members that
/// are not key-value objects, and values nested deeper than a few levels, are
/// skipped.
void appendAttributes(const nlohmann::json& keyValues, std::vector<Attribute>& out);

} // namespace te::loader::otlp
