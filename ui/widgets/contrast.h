#pragma once

#include <QColor>

namespace te {

/// WCAG 2 relative luminance of `color` (0 black to 1 white); its alpha is ignored.
double relativeLuminance(const QColor& color);

/// What `color` looks like drawn over the opaque `background`: source-over
/// compositing of its alpha. The result is opaque.
QColor composite(const QColor& color, const QColor& background);

/// The WCAG 2 contrast ratio, 1 to 21, of a mark in `foreground` (composited over
/// `background` when translucent) against the opaque `background` behind it.
/// Marks need at least 3:1, text 4.5:1.
double contrastRatio(const QColor& foreground, const QColor& background);

} // namespace te
