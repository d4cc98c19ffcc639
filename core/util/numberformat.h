#pragma once

#include <QString>

// Numbers as every view and command writes them, so that the window, the CSV
// export and the command line never disagree on a figure.
namespace te {

/// `value` with `decimals` decimals, locale-free (what a spreadsheet reads from a
/// copied cell); empty when it is NaN or infinite.
QString formatFixed(double value, int decimals);

/// A p value: four decimals ("0.0022"), or scientific below 1e-4 ("3.17e-05"),
/// where four decimals would read as 0. Empty for NaN.
QString formatPValue(double p);

} // namespace te
