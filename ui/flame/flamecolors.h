#pragma once

#include "stats/flametree.h"

#include <QColor>
#include <QString>

namespace te {

/// The fill of a node of a one-tree flame graph: a warm hue chosen by a hash of its
/// name, so "agent_conversation" has the same colour in every run, group and file.
/// Lighter on a light palette, deeper on a dark one.
QColor flameNodeColor(const QString& name, bool darkPalette);

/// The fill of a node of a difference: neutral (white, or light grey on a dark
/// palette) within the noise band; towards red when slower and blue when faster,
/// the further the more `intensity` (0..1) says.
QColor flameDifferenceColor(FlameChange change, double intensity, bool darkPalette);

/// Black or white, whichever reads better on `fill`.
QColor flameTextColor(const QColor& fill);

/// The grey of a "…" box and of the "(unaccounted)" hatching.
QColor flameMutedColor(bool darkPalette);

} // namespace te
