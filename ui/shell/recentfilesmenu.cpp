#include "ui/shell/recentfilesmenu.h"

#include "util/databaseaddress.h"

#include <QFileInfo>
#include <QSettings>
#include <algorithm>

namespace te {

namespace {
const QString kRecentKey = QStringLiteral("recentFiles");
constexpr int kMaxRecent = 10;
} // namespace

RecentFilesMenu::RecentFilesMenu(const QString& title, QWidget* parent)
    : QMenu(title, parent)
{
    rebuild();
}

void RecentFilesMenu::add(const QStringList& files)
{
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    // Last to first, so that the first file ends up on top.
    std::for_each(files.crbegin(), files.crend(), [&recent](const QString& file) {
        // A database is remembered by its address, which never holds a password.
        const QString path
            = isDatabaseAddress(file) ? withoutPassword(file) : QFileInfo(file).absoluteFilePath();
        recent.removeAll(path);
        recent.prepend(path);
    });
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
    rebuild();
}

void RecentFilesMenu::rebuild()
{
    clear();
    const QStringList recent = QSettings().value(kRecentKey).toStringList();
    for (const QString& path : recent)
        addAction(inputDisplayName(path), this, [this, path] { emit fileChosen(path); })->setToolTip(path);
    if (!recent.isEmpty()) {
        addSeparator();
        addAction(tr("Clear the List"), this, [this] {
            QSettings().remove(kRecentKey);
            rebuild();
        });
    }
    setEnabled(!recent.isEmpty());
}

} // namespace te
