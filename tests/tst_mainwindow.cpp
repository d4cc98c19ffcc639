// The explorer window driven as a user would, offscreen: open, sort, filter,
// select, compare, follow a growing file, cancel a load.
#include "models/breakdownmodel.h"
#include "models/runtablemodel.h"
#include "ui/charts/chartsview.h"
#include "ui/runs/breakdownview.h"
#include "ui/runs/filterbar.h"
#include "ui/runs/runsview.h"
#include "ui/shell/loadcontroller.h"
#include "ui/shell/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QToolButton>
#include <QTreeView>

using namespace te;

namespace {

QString fixture(const char* name)
{
    return QFINDTESTDATA(QStringLiteral("data/") + QLatin1String(name));
}

void appendTo(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::Append));
    file.write(bytes);
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;

    bool openAndWait(const QStringList& files)
    {
        QSignalSpy loaded(m_window->loader(), &LoadController::loaded);
        m_window->openFiles(files);
        return loaded.wait(20000);
    }

    QString countText() const { return m_window->runsView()->findChild<QLabel*>(u"runCount"_qs)->text(); }

    void clickRow(int row, Qt::KeyboardModifiers modifiers = {})
    {
        QTableView* table = m_window->runsView()->table();
        const QRect rect = table->visualRect(table->model()->index(row, 0));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, modifiers, rect.center());
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); } // settings stay out of ~/.config

    void init()
    {
        QCoreApplication::setOrganizationName(u"TimingExplorerTests"_qs);
        QSettings().clear();
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup() { m_window.reset(); }

    void opensTheBundledSampleWithoutFiles()
    {
        QVERIFY(openAndWait({}));
        QCOMPARE(m_window->windowTitle(), u"Bundled sample — Timing Explorer"_qs);
        QCOMPARE(countText(), u"Showing 400 of 400 runs"_qs);
    }

    void slowestFirstAndSortOnClick()
    {
        QVERIFY(openAndWait({ fixture("stats_groups.jsonl") }));
        QCOMPARE(countText(), u"Showing 25 of 25 runs"_qs);
        RunTableModel* model = m_window->runsView()->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const int total = 5; // registration_id, model, constellation, timestamp, source, total
        QCOMPARE(model->headerData(total, Qt::Horizontal).toString(), u"total"_qs);
        const double first = model->index(0, total).data(RunTableModel::SortRole).toDouble();
        for (int row = 1; row < model->rowCount(); ++row)
            QVERIFY(model->index(row, total).data(RunTableModel::SortRole).toDouble() <= first);
        // A click on the header sorts by that column.
        QHeaderView* header = m_window->runsView()->table()->horizontalHeader();
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
            QPoint(header->sectionViewportPosition(0) + 5, header->height() / 2));
        QCOMPARE(model->sortColumn(), 0);
        const QString a = model->index(0, 0).data().toString();
        const QString b = model->index(1, 0).data().toString();
        QVERIFY(model->sortOrder() == Qt::AscendingOrder ? a <= b : a >= b);
    }

    void filterBarNarrowsTheRuns()
    {
        QVERIFY(openAndWait({ fixture("stats_groups.jsonl") }));
        auto* search = m_window->runsView()->filterBar()->findChild<QLineEdit*>();
        QVERIFY(search);
        QTest::keyClicks(search, u"slow"_qs);
        QCOMPARE(countText(), u"Showing 12 of 25 runs"_qs);
        QLineEdit* expressions = nullptr;
        for (QLineEdit* edit : m_window->runsView()->filterBar()->findChildren<QLineEdit*>()) {
            if (edit->accessibleName() == u"Filter expressions"_qs)
                expressions = edit;
        }
        QVERIFY(expressions);
        QTest::keyClicks(expressions, u"total>30"_qs);
        QVERIFY(countText().startsWith(u"Showing "_qs));
        const int shown = m_window->runsView()->visibleRunCount();
        QVERIFY(shown < 12);
        RunTableModel* model = m_window->runsView()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            QVERIFY(model->index(row, 5).data(RunTableModel::SortRole).toDouble() > 30);
        // A bad expression leaves the rest of the filter working.
        QTest::keyClicks(expressions, u"; nonsense"_qs);
        QCOMPARE(m_window->runsView()->visibleRunCount(), shown);
        // Ctrl+F goes to the search field.
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(search->hasFocus());
    }

    void selectingARunShowsItsBreakdown()
    {
        QVERIFY(openAndWait({ fixture("seed_proposed.jsonl") }));
        // Slowest first: SPUS55557 (50.4 s) is the first row.
        clickRow(0);
        BreakdownModel* breakdown = m_window->breakdownView()->model();
        QCOMPARE(breakdown->runs().size(), 1u);
        const QModelIndex root = breakdown->index(0, 0);
        QCOMPARE(root.siblingAtColumn(BreakdownModel::TimeColumn).data(BreakdownModel::SortRole).toDouble(),
            50.415);
        const QModelIndex phase1 = breakdown->index(0, 0, root);
        QCOMPARE(phase1.data().toString(), u"phase1"_qs);
        const QModelIndex conversation = breakdown->index(1, 0, phase1);
        QCOMPARE(conversation.data().toString(), u"agent_conversation"_qs);
        QCOMPARE(conversation.siblingAtColumn(BreakdownModel::ShareOfParentColumn).data().toString(),
            u"96.2 %"_qs);
        // Copy with the breakdown focused gives its TSV.
        m_window->breakdownView()->tree()->setFocus();
        QTest::keyClick(m_window.get(), Qt::Key_C, Qt::ControlModifier);
        QVERIFY(QApplication::clipboard()->text().contains(u"agent_conversation\t33.200"_qs));
    }

    // A file with no runs clears the breakdown: it never goes on showing a run of
    // the file opened before.
    void aLoadWithoutRunsClearsTheBreakdown()
    {
        QVERIFY(openAndWait({ fixture("seed_proposed.jsonl") }));
        clickRow(0);
        QCOMPARE(m_window->breakdownView()->model()->runs().size(), 1u);
        QVERIFY(openAndWait({ fixture("empty.jsonl") }));
        QCOMPARE(m_window->runsView()->filteredRuns().size(), 0u);
        QVERIFY(m_window->breakdownView()->model()->runs().empty());
    }

    void twoSelectedRunsAreComparedSideBySide()
    {
        QVERIFY(openAndWait({ fixture("seed_proposed.jsonl") }));
        clickRow(0);
        clickRow(1, Qt::ControlModifier);
        BreakdownModel* breakdown = m_window->breakdownView()->model();
        QCOMPARE(breakdown->runs().size(), 2u);
        // Node, time A, time B, Δ B−A, × B/A.
        QCOMPARE(breakdown->columnCount(), 5);
        const QModelIndex root = breakdown->index(0, 0);
        const double a
            = root.siblingAtColumn(breakdown->timeColumn(0)).data(BreakdownModel::SortRole).toDouble();
        const double b
            = root.siblingAtColumn(breakdown->timeColumn(1)).data(BreakdownModel::SortRole).toDouble();
        QCOMPARE(
            root.siblingAtColumn(breakdown->deltaColumn(1)).data(BreakdownModel::SortRole).toDouble(), b - a);
    }

    void compareAcrossModelsShowsTheRegistrationOnEveryModel()
    {
        QVERIFY(openAndWait({ fixture("stats_groups.jsonl") }));
        RunTableModel* model = m_window->runsView()->model();
        clickRow(0);
        const QString id = model->index(0, 0).data().toString();
        m_window->breakdownView()->compareAcrossModels(model->runAt(0));
        const auto& runs = m_window->breakdownView()->model()->runs();
        QCOMPARE(runs.size(), 2u); // R00..R11 ran on both models
        for (const QString& label : m_window->breakdownView()->model()->runLabels())
            QVERIFY(label.startsWith(id));
    }

    void followedFileShowsAppendedRunsAndKeepsTheSelection()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"growing.jsonl"_qs);
        appendTo(path,
            "{\"registration_id\":\"A\",\"model\":\"m\",\"total_seconds\":5}\n"
            "{\"registration_id\":\"B\",\"model\":\"m\",\"total_seconds\":3}\n");
        QVERIFY(openAndWait({ path }));
        QCOMPARE(countText(), u"Showing 2 of 2 runs"_qs);
        // The models stay consistent while lines arrive.
        QAbstractItemModelTester runsTester(
            m_window->runsView()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester breakdownTester(
            m_window->breakdownView()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        clickRow(1); // B
        QCOMPARE(m_window->runsView()->selectedRuns(), std::vector<std::uint32_t> { 1 });
        QSignalSpy loaded(m_window->loader(), &LoadController::loaded);
        appendTo(path,
            "{\"registration_id\":\"C\",\"model\":\"m\",\"total_seconds\":9}\n{\"registration_id\":\"D\",");
        QVERIFY(loaded.wait(5000));
        QCOMPARE(countText(), u"Showing 3 of 3 runs"_qs); // the half-written line waits
        QCOMPARE(m_window->runsView()->selectedRuns(), std::vector<std::uint32_t> { 1 });
        appendTo(path, "\"model\":\"m\",\"total_seconds\":1}\n");
        QVERIFY(loaded.wait(5000));
        QCOMPARE(countText(), u"Showing 4 of 4 runs"_qs);
        QCOMPARE(m_window->runsView()->selectedRuns(), std::vector<std::uint32_t> { 1 });
    }

    void cancelKeepsThePreviousData()
    {
        QVERIFY(openAndWait({ fixture("seed_proposed.jsonl") }));
        QTemporaryDir dir;
        const QString big = dir.filePath(u"big.jsonl"_qs);
        {
            QFile file(big);
            QVERIFY(file.open(QIODevice::WriteOnly));
            // NOLINTBEGIN(modernize-raw-string-literal): moc 6.4 cannot read raw string literals
            const QByteArray line
                = "{\"registration_id\":\"R\",\"model\":\"m\",\"total_seconds\":1.5,\"pad\":\""
                + QByteArray(400, 'x') + "\"}\n";
            // NOLINTEND(modernize-raw-string-literal)
            for (int i = 0; i < 150000; ++i)
                file.write(line);
        }
        QSignalSpy cancelled(m_window->loader(), &LoadController::cancelled);
        QSignalSpy progress(m_window->loader(), &LoadController::progress);
        m_window->openFiles({ big });
        QVERIFY(progress.wait(10000));
        auto* cancel = m_window->findChild<QToolButton*>(u"cancelLoad"_qs);
        QVERIFY(cancel && cancel->isVisible());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(cancelled.wait(5000));
        QCOMPARE(countText(), u"Showing 3 of 3 runs"_qs);
        QVERIFY(m_window->windowTitle().startsWith(u"seed_proposed.jsonl"_qs));
    }

    void openingAnotherFileLetsGoOfThePreviousOne()
    {
        QVERIFY(openAndWait({ fixture("stats_groups.jsonl") }));
        const std::weak_ptr<const TimingDataset> previous = m_window->currentData()->dataset;
        // Charted once, then hidden: the Charts tab must not keep the file alive.
        QSignalSpy charted(m_window->chartsView(), &ChartsView::chartUpdated);
        m_window->tabs()->setCurrentWidget(m_window->chartsView());
        QVERIFY(charted.wait(10000));
        m_window->tabs()->setCurrentIndex(0);
        QVERIFY(openAndWait({}));
        QThreadPool::globalInstance()->waitForDone(); // a comparison still computing holds its data
        QVERIFY(previous.expired());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
