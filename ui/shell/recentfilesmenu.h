#pragma once

#include <QMenu>

namespace te {

/// File > Open Recent: the last ten files opened, newest first, kept in the
/// settings under "recentFiles" as absolute paths, with Clear the List.
class RecentFilesMenu final : public QMenu
{
    Q_OBJECT
public:
    explicit RecentFilesMenu(const QString& title, QWidget* parent = nullptr);

    /// Puts `files` first, in their order, and drops the oldest beyond ten.
    void add(const QStringList& files);

signals:
    void fileChosen(const QString& path);

private:
    void rebuild();
};

} // namespace te
