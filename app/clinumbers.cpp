#include "clinumbers.h"

#include <cmath>

namespace te::cli {

nlohmann::json number(double v)
{
    return std::isnan(v) || std::isinf(v) ? nlohmann::json(nullptr) : nlohmann::json(v);
}

QString fixed(double v, int decimals)
{
    return std::isnan(v) ? QStringLiteral("-") : QString::number(v, 'f', decimals);
}

QString pValue(double p)
{
    if (std::isnan(p))
        return QStringLiteral("-");
    return p < 1e-4 ? QString::number(p, 'e', 2) : QString::number(p, 'f', 4);
}

} // namespace te::cli
