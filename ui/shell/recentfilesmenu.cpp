#include "ui/shell/recentfilesmenu.h"

#include <QFileInfo>
#include <QSettings>

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
    for (auto it = files.crbegin(); it != files.crend(); ++it) {
        const QString path = QFileInfo(*it).absoluteFilePath();
        recent.removeAll(path);
        recent.prepend(path);
    }
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
        addAction(QFileInfo(path).fileName(), this, [this, path] {
            emit fileChosen(path);
        })->setToolTip(path);
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
