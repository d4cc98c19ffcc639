#pragma once

#include "ui/shell/loadcontroller.h"
#include "ui/shell/mainwindow.h"

#include <QSettings>
#include <QSignalSpy>
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

} // namespace te::test
