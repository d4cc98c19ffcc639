#include "ui/widgets/contrast.h"

#include <algorithm>
#include <cmath>

namespace te {

namespace {

// sRGB channel (0–1) to linear light, as WCAG 2 defines it.
double linear(double channel)
{
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

} // namespace

double relativeLuminance(const QColor& color)
{
    const QColor rgb = color.toRgb();
    return 0.2126 * linear(rgb.redF()) + 0.7152 * linear(rgb.greenF()) + 0.0722 * linear(rgb.blueF());
}

QColor composite(const QColor& color, const QColor& background)
{
    const QColor top = color.toRgb();
    const QColor under = background.toRgb();
    const double a = top.alphaF();
    const auto mix = [a](double over, double below) { return over * a + below * (1 - a); };
    return QColor::fromRgbF(static_cast<float>(mix(top.redF(), under.redF())),
        static_cast<float>(mix(top.greenF(), under.greenF())),
        static_cast<float>(mix(top.blueF(), under.blueF())));
}

double contrastRatio(const QColor& foreground, const QColor& background)
{
    const double a = relativeLuminance(composite(foreground, background));
    const double b = relativeLuminance(background);
    return (std::max(a, b) + 0.05) / (std::min(a, b) + 0.05);
}

} // namespace te
