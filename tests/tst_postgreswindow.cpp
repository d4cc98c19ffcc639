// The window on PostgreSQL: File > Open Database… refuses an address with a
// password and never keeps it; an opened database is named by its address in the
// title and the recent files, and, followed, shows the rows added since. An
// address dropped on the window (as a URL or as text) opens it the same way.
#include "export/postgreswriter.h"
#include "postgressupport.h"
#include "testsupport.h"
#include "ui/shell/droppedinputs.h"
#include "windowsupport.h"
#include "workspace/loadeddata.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMimeData>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTimer>
#include <numeric>

using namespace te;
using namespace te::test;

namespace {

bool appendFixture(const QString& address)
{
    const LoadResult loaded = loadFixtures({ QStringLiteral("paired_10x2.jsonl") });
    std::vector<std::uint32_t> runs(loaded.dataset.runCount());
    std::iota(runs.begin(), runs.end(), 0U);
    QString error;
    if (appendToPostgres(loaded.dataset, runs, address, &error))
        return true;
    qWarning("%s", qPrintable(error));
    return false;
}

QAction* actionNamed(QWidget& window, const QString& text)
{
    for (QAction* action : window.findChildren<QAction*>()) {
        if (action->text() == text)
            return action;
    }
    return nullptr;
}

QString allSettings()
{
    QStringList values;
    const QSettings settings;
    for (const QString& key : settings.allKeys())
        values << key + u'=' + settings.value(key).toStringList().join(u',') + settings.value(key).toString();
    return values.join(u'\n');
}

} // namespace

class TestPostgresWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); } // settings stay out of ~/.config
    void dialogRefusesAPasswordAndKeepsNone();
    void openedDatabaseIsNamedAndFollowed();
    void dropCarriesFilesAndAddresses();
    void droppedAddressWithAPasswordIsRefused();
    void droppedAddressOpensTheDatabase();
};

namespace {

/// Drops `mime` on the middle of the window, as a user letting go of a drag does.
void dropOn(MainWindow& window, QMimeData& mime)
{
    const QPointF middle(window.width() / 2.0, window.height() / 2.0);
    QDragEnterEvent enter(middle.toPoint(), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(middle, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
}

} // namespace

void TestPostgresWindow::dropCarriesFilesAndAddresses()
{
    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(QStringLiteral("/data/runs.jsonl")),
        QUrl(QStringLiteral("postgres://bench@db.example:5433/timings")) });
    mime.setText(QStringLiteral("postgresql://bench@db.example:5433/timings\n"
                                "  postgresql://ci@127.0.0.1/nightly?table=runs  \nnot an address"));
    const DroppedInputs dropped = DroppedInputs::from(mime);
    QCOMPARE(dropped.inputs,
        QStringList({ QStringLiteral("/data/runs.jsonl"),
            QStringLiteral("postgresql://bench@db.example:5433/timings"),
            QStringLiteral("postgresql://ci@127.0.0.1/nightly?table=runs") }));
    QVERIFY(dropped.refused.isEmpty());
    QVERIFY(DroppedInputs::accepts(mime));

    QMimeData text;
    text.setText(QStringLiteral("just some words"));
    QVERIFY(!DroppedInputs::accepts(text));
    QVERIFY(DroppedInputs::from(text).inputs.isEmpty());
}

void TestPostgresWindow::droppedAddressWithAPasswordIsRefused()
{
    const std::unique_ptr<MainWindow> window
        = shownWindow(QStringLiteral("te-test-postgres-window-3"), { 1000, 700 });
    QVERIFY(window);
    const QString secret = QStringLiteral("Sw0rdfish-9");
    QSignalSpy loaded(window->loader(), &LoadController::loaded);
    QMimeData mime;
    mime.setText(QStringLiteral("postgresql://alice:%1@127.0.0.1:1/bench").arg(secret));
    dropOn(*window, mime);
    const QString message = window->statusBar()->findChild<QLabel*>(QStringLiteral("statusMessage"))->text();
    QVERIFY2(message.contains(QStringLiteral("password")), qPrintable(message));
    QVERIFY(!message.contains(secret));
    QVERIFY(!window->windowTitle().contains(secret));
    QVERIFY(!allSettings().contains(secret));
    QTest::qWait(100);
    QVERIFY(loaded.isEmpty()); // nothing was opened
}

void TestPostgresWindow::droppedAddressOpensTheDatabase()
{
    TE_REQUIRE_POSTGRES();
    ScratchDatabase database;
    QVERIFY(database.isCreated());
    QVERIFY(appendFixture(database.url()));
    const std::unique_ptr<MainWindow> window
        = shownWindow(QStringLiteral("te-test-postgres-window-4"), { 1000, 700 });
    QVERIFY(window);
    QSignalSpy loaded(window->loader(), &LoadController::loaded);
    QMimeData mime;
    mime.setText(database.url() + u'\n');
    dropOn(*window, mime);
    QVERIFY(loaded.wait(20000));
    auto data = loaded.takeLast().at(0).value<std::shared_ptr<const LoadedData>>();
    QCOMPARE(data->dataset->runCount(), 20U);
    QVERIFY2(window->windowTitle().startsWith(database.url()), qPrintable(window->windowTitle()));
}

void TestPostgresWindow::dialogRefusesAPasswordAndKeepsNone()
{
    const std::unique_ptr<MainWindow> window
        = shownWindow(QStringLiteral("te-test-postgres-window-1"), { 1000, 700 });
    QVERIFY(window);
    QAction* open = actionNamed(*window, QStringLiteral("Open &Database…"));
    QVERIFY(open);
    const QString secret = QStringLiteral("Sw0rdfish-9");
    QString shownProblem;
    QString fieldAfter;
    QTimer::singleShot(0, this, [&] {
        auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        auto* field = dialog->findChild<QLineEdit*>();
        field->setText(QStringLiteral("postgresql://alice:%1@127.0.0.1:1/bench").arg(secret));
        dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Open)->click();
        for (QLabel* label : dialog->findChildren<QLabel*>()) {
            if (label->isVisible() && label->text().contains(QStringLiteral("PGPASSWORD")))
                shownProblem = label->text();
        }
        fieldAfter = field->text();
        dialog->reject();
    });
    open->trigger();
    QVERIFY2(!shownProblem.isEmpty(), "the dialog says why the address is refused");
    QVERIFY(!shownProblem.contains(secret));
    QCOMPARE(fieldAfter, QStringLiteral("postgresql://alice@127.0.0.1:1/bench"));
    QVERIFY(!window->windowTitle().contains(secret));
    QVERIFY(!allSettings().contains(secret));
}

void TestPostgresWindow::openedDatabaseIsNamedAndFollowed()
{
    TE_REQUIRE_POSTGRES();
    ScratchDatabase database;
    QVERIFY(database.isCreated());
    QVERIFY(appendFixture(database.url()));
    const std::unique_ptr<MainWindow> window
        = shownWindow(QStringLiteral("te-test-postgres-window-2"), { 1000, 700 });
    QVERIFY(window);
    QSignalSpy loaded(window->loader(), &LoadController::loaded);
    window->openFiles({ database.url() });
    QVERIFY(loaded.wait(20000));
    auto data = loaded.takeLast().at(0).value<std::shared_ptr<const LoadedData>>();
    QCOMPARE(data->dataset->runCount(), 20U);
    QVERIFY2(window->windowTitle().startsWith(database.url()), qPrintable(window->windowTitle()));
    QCOMPARE(QSettings().value(QStringLiteral("recentFiles")).toStringList().value(0), database.url());

    // Followed (the default): new rows show within a few polls.
    QVERIFY(appendFixture(database.url()));
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty()
            && loaded.last().at(0).value<std::shared_ptr<const LoadedData>>()->dataset->runCount() == 40U,
        15000);
}

QTEST_MAIN(TestPostgresWindow)
#include "tst_postgreswindow.moc"
