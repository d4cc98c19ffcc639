#include "ui/flame/flamecolors.h"

#include <QByteArray>
#include <cmath>

namespace te {

namespace {

/// FNV-1a: stable across processes and platforms, unlike a seeded qHash.
std::uint32_t stableHash(const QString& text)
{
    std::uint32_t hash = 2166136261u;
    for (const char byte : text.toUtf8()) {
        hash ^= static_cast<unsigned char>(byte);
        hash *= 16777619u;
    }
    return hash;
}

QColor mix(const QColor& from, const QColor& to, double t)
{
    return QColor::fromRgbF(static_cast<float>(from.redF() + (to.redF() - from.redF()) * t),
        static_cast<float>(from.greenF() + (to.greenF() - from.greenF()) * t),
        static_cast<float>(from.blueF() + (to.blueF() - from.blueF()) * t));
}

double relativeLuminance(const QColor& c)
{
    const auto channel
        = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

} // namespace

QColor flameNodeColor(const QString& name, bool darkPalette)
{
    const std::uint32_t hash = stableHash(name);
    const double hue = 5.0 + static_cast<double>(hash % 50); // red through orange to amber
    const double saturation = 0.55 + static_cast<double>((hash >> 8) % 20) / 100.0;
    const double lightness = (darkPalette ? 0.36 : 0.64) + static_cast<double>((hash >> 16) % 10) / 100.0;
    return QColor::fromHslF(
        static_cast<float>(hue / 360.0), static_cast<float>(saturation), static_cast<float>(lightness));
}

QColor flameDifferenceColor(FlameChange change, double intensity, bool darkPalette)
{
    const QColor neutral = darkPalette ? QColor(0xdd, 0xdd, 0xdd) : QColor(0xff, 0xff, 0xff);
    if (change == FlameChange::Unchanged)
        return neutral;
    const QColor full = change == FlameChange::Slower ? QColor(0xd7, 0x30, 0x27) : QColor(0x2c, 0x6f, 0xbb);
    // A changed node is never nearly white: a quarter of the way at the band's edge.
    return mix(neutral, full, 0.25 + 0.75 * std::clamp(intensity, 0.0, 1.0));
}

QColor flameTextColor(const QColor& fill)
{
    // The contrast with black is (L + 0.05) / 0.05, with white 1.05 / (L + 0.05);
    // they are equal at L = 0.179.
    return relativeLuminance(fill) > 0.179 ? QColor(Qt::black) : QColor(Qt::white);
}

QColor flameMutedColor(bool darkPalette)
{
    return darkPalette ? QColor(0x70, 0x70, 0x70) : QColor(0xc8, 0xc8, 0xc8);
}

} // namespace te
