#pragma once

#include <QColor>
#include <QString>

class QPalette;

namespace te {

/// The window's colour scheme. System keeps what the desktop gives; Light and
/// Dark use the Fusion style with a palette of ours, so both look the same on
/// every desktop (and can be checked under a bare X server).
enum class Appearance
{
    System,
    Light,
    Dark
};

/// Applies `appearance` to the running QApplication. The first call records the
/// desktop's own style and palette, so System can go back to them.
void applyAppearance(Appearance appearance);
Appearance savedAppearance();
void saveAppearance(Appearance appearance);
/// "light" or "dark"; System for anything else.
Appearance appearanceFromName(const QString& name);

/// True when text is lighter than the background, whatever the scheme's name.
bool isDark(const QPalette& palette);

/// The colour of an error message on `palette`'s window or base: a red with a
/// contrast of at least 4.5:1 on either, light or dark (tst_contrast checks it).
QColor errorTextColor(const QPalette& palette);

} // namespace te
