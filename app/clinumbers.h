#pragma once

#include <QString>
#include <nlohmann/json.hpp>

// How the comparing commands (compare, check) write their figures.
namespace te::cli {

/// A JSON number, null for NaN and infinities (JSON has neither).
nlohmann::json number(double v);

/// `v` with `decimals` decimals; "-" for NaN and infinities.
QString fixed(double v, int decimals = 3);

/// A p value as formatPValue writes it;
/// "-" for NaN.
QString pValue(double p);

} // namespace te::cli
