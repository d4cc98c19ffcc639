// The Problems dock in the window: at 1280×800 it shows at least six problems, it
// cannot be torn off, and double-clicking a problem leads to what it is about:
// a warning's run is selected in the runs table (even when the filter hid it), a
// rejected line is named, file:line, in the status bar.
#include "models/problemlistmodel.h"
#include "testsupport.h"
#include "ui/runs/filterbar.h"
#include "ui/runs/problemsdock.h"
#include "ui/runs/runsview.h"
#include "windowsupport.h"

#include <QLabel>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace te;
using namespace te::test;

namespace {

// 20 runs, two of them the same run twice (a duplicate warning on a kept run), and
// 12 lines that are not JSON: 13 problems in all.
QByteArray manyProblems()
{
    QByteArray text;
    for (int i = 0; i < 20; ++i) {
        text += QStringLiteral("{\"registration_id\":\"R%1\",\"timestamp\":\"2025-01-14T10:%2:00Z\","
                               "\"model\":\"m\",\"total_seconds\":%3}\n")
                    .arg(i)
                    .arg(i % 2 == 0 && i < 4 ? 0 : i, 2, 10, QLatin1Char('0'))
                    .arg(i + 1)
                    .toUtf8();
        if (i < 12)
            text += "not json " + QByteArray::number(i) + '\n';
    }
    text.replace("\"R2\"", "\"R0\""); // R0 twice at 10:00: a duplicate
    return text;
}

int fullyVisibleRows(const QTableView* table)
{
    int rows = 0;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QRect rect = table->visualRect(table->model()->index(row, 0));
        rows += table->viewport()->rect().contains(QRect(0, rect.top(), 1, rect.height()));
    }
    return rows;
}

} // namespace

class TestProblemsWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<MainWindow> m_window;

    QTableView* problemsTable() const
    {
        return m_window->problemsDock()->findChild<QTableView*>(u"problemsTable"_qs);
    }

    // The first problem of `severity`, as its row in the dock's table (the loader's order).
    int rowOf(Problem::Severity severity) const
    {
        const ProblemList& problems = m_window->problemsDock()->model()->problems();
        for (std::size_t i = 0; i < problems.size(); ++i) {
            if (problems[i].severity == severity)
                return static_cast<int>(i);
        }
        return -1;
    }

    // What a user's double-click delivers: press, release, then the double-click
    // event and its release (QTest::mouseDClick alone sends only the double-click).
    void doubleClickRow(int row)
    {
        QTableView* table = problemsTable();
        const QPoint at = table->visualRect(table->model()->index(row, 0)).center();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseRelease(table->viewport(), Qt::LeftButton, {}, at);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(writeFile(m_dir.filePath(u"problems.jsonl"_qs), manyProblems()));
    }

    void init()
    {
        m_window = shownWindow(u"TimingExplorerProblemsWindow"_qs, QSize(1280, 800));
        QVERIFY(m_window);
        QSignalSpy loaded(m_window->loader(), &LoadController::loaded);
        m_window->openFiles({ m_dir.filePath(u"problems.jsonl"_qs) });
        QVERIFY(loaded.wait(20000));
        QCOMPARE(m_window->problemsDock()->model()->rowCount(), 13);
    }

    void cleanup() { m_window.reset(); }

    void showsSixRowsAndStaysDocked()
    {
        QVERIFY(m_window->problemsDock()->isVisible()); // errors open it
        QTRY_COMPARE(m_window->size(), QSize(1280, 800)); // the dock's rows fit the window
        QTRY_VERIFY(fullyVisibleRows(problemsTable()) >= 6);
        QVERIFY(!m_window->problemsDock()->features().testFlag(QDockWidget::DockWidgetFloatable));
        QVERIFY(m_window->problemsDock()->features().testFlag(QDockWidget::DockWidgetClosable));
        QVERIFY(!m_window->problemsDock()->isFloating());
    }

    void doubleClickSelectsAWarningsRun()
    {
        const int row = rowOf(Problem::Severity::Warning);
        QVERIFY(row >= 0);
        const Problem problem = m_window->problemsDock()->model()->problems()[static_cast<std::size_t>(row)];
        QVERIFY(problem.run >= 0);
        // A filter that hides the run: the double-click clears it.
        QTest::keyClicks(m_window->runsView()->filterBar()->findChild<QLineEdit*>(), u"R19"_qs);
        QCOMPARE(m_window->runsView()->visibleRunCount(), 1);
        doubleClickRow(row);
        QCOMPARE(
            m_window->runsView()->selectedRuns(), std::vector<std::uint32_t> { std::uint32_t(problem.run) });
        QCOMPARE(m_window->runsView()->visibleRunCount(), 20);
        QVERIFY(m_window->runsView()->table()->hasFocus());
    }

    void doubleClickNamesARejectedLine()
    {
        const std::vector<std::uint32_t> before = m_window->runsView()->selectedRuns();
        const int row = rowOf(Problem::Severity::Error);
        QVERIFY(row >= 0);
        const Problem& problem = m_window->problemsDock()->model()->problems()[static_cast<std::size_t>(row)];
        doubleClickRow(row);
        const auto* message = m_window->findChild<QLabel*>(u"statusMessage"_qs);
        QVERIFY(message);
        QVERIFY2(message->text().contains(QStringLiteral("problems.jsonl:%1").arg(problem.line)),
            qPrintable(message->text()));
        QCOMPARE(m_window->runsView()->selectedRuns(), before); // nothing else changed
    }
};

QTEST_MAIN(TestProblemsWindow)
#include "tst_problemswindow.moc"
