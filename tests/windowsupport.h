#pragma once

#include "models/runtablemodel.h"
#include "ui/runs/runsview.h"
#include "ui/shell/loadcontroller.h"
#include "ui/shell/mainwindow.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <memory>

namespace te::test {

/// The path of a fixture in tests/data.
inline QString fixturePath(const QString& name)
{
    return QFINDTESTDATA(QStringLiteral("data/") + name);
}

/// A main window on cleared settings of `organization` (one per test, so tests
/// running in parallel do not share them), shown at `size` and exposed.
inline std::unique_ptr<MainWindow> shownWindow(const QString& organization, QSize size)
{
    QCoreApplication::setOrganizationName(organization);
    QSettings().clear();
    auto window = std::make_unique<MainWindow>();
    window->resize(size);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

/// Opens `names` (fixtures) in `window` and waits until they are shown.
inline bool openFixtures(MainWindow& window, const QStringList& names)
{
    QStringList files;
    for (const QString& name : names)
        files << fixturePath(name);
    QSignalSpy loaded(window.loader(), &LoadController::loaded);
    window.openFiles(files);
    return loaded.wait(20000);
}

/// Clicks row `row` of the runs table (with `modifiers`, e.g. Ctrl to add it).
inline void clickRunRow(MainWindow& window, int row, Qt::KeyboardModifiers modifiers = {})
{
    QTableView* table = window.runsView()->table();
    const QRect rect = table->visualRect(table->model()->index(row, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, modifiers, rect.center());
}

/// The run shown in row `row` of the runs table.
inline std::uint32_t runOfRunRow(const MainWindow& window, int row)
{
    return window.runsView()->model()->runAt(row);
}

} // namespace te::test
