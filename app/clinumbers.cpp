#include "clinumbers.h"

#include "util/numberformat.h"

#include <cmath>

namespace te::cli {

nlohmann::json number(double v)
{
    return std::isnan(v) || std::isinf(v) ? nlohmann::json(nullptr) : nlohmann::json(v);
}

QString fixed(double v, int decimals)
{
    const QString text = formatFixed(v, decimals);
    return text.isEmpty() ? QStringLiteral("-") : text;
}

QString pValue(double p)
{
    const QString text = formatPValue(p);
    return text.isEmpty() ? QStringLiteral("-") : text;
}

} // namespace te::cli
