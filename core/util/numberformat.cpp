#include "util/numberformat.h"

#include <cmath>

namespace te {

QString formatFixed(double value, int decimals)
{
    return std::isfinite(value) ? QString::number(value, 'f', decimals) : QString();
}

QString formatPValue(double p)
{
    if (std::isnan(p))
        return {};
    return p < 1e-4 ? QString::number(p, 'e', 2) : QString::number(p, 'f', 4);
}

} // namespace te
