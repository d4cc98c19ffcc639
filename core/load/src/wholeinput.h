#pragma once

// Internal to the loader: reading an input into memory whole, for the readers of
// formats that cannot be read record by record (a JSON document, an OTLP trace).

#include "load/src/loadpart.h"

#include <QString>
#include <string>

namespace te::loader {

/// Reads the first `size` bytes of `input` into `text`, followed by `padding` zero
/// bytes (a parser may read past the end, never interpreting them). False, with
/// `error` saying why, when the input cannot be opened or read, or does not fit in
/// memory; `tooLargeHint` then ends the message ("JSON Lines is not read whole").
bool readWholeInput(const Input& input, qint64 size, std::size_t padding, const QString& tooLargeHint,
    std::string& text, QString& error);

} // namespace te::loader
