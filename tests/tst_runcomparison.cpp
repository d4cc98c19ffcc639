// Comparing runs in the window: the baseline is the run chosen first (click, then
// Ctrl+click), not the one clicked last; and when a registration repeats across
// files (the legacy per-model CSVs) the headers name each run's file.
#include "models/breakdownmodel.h"
#include "models/runtablemodel.h"
#include "testsupport.h"
#include "ui/runs/breakdownview.h"
#include "ui/runs/runsview.h"
#include "windowsupport.h"

#include <QLabel>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace te;
using namespace te::test;

class TestRunComparison : public QObject
{
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;

    void clickRow(int row, Qt::KeyboardModifiers modifiers = {}) { clickRunRow(*m_window, row, modifiers); }
    std::uint32_t runOfRow(int row) const { return runOfRunRow(*m_window, row); }

    // The runs the breakdown compares, in its column order.
    std::vector<std::uint32_t> compared() const { return m_window->breakdownView()->model()->runs(); }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_window = shownWindow(u"TimingExplorerRunComparison"_qs, QSize(1280, 800));
        QVERIFY(m_window);
    }

    void cleanup() { m_window.reset(); }

    void baselineIsTheRunChosenFirst()
    {
        QVERIFY(openFixtures(*m_window, { u"paired_10x2.jsonl"_qs }));
        clickRow(3);
        clickRow(1, Qt::ControlModifier);
        QCOMPARE(compared(), (std::vector<std::uint32_t> { runOfRow(3), runOfRow(1) }));
        clickRow(5, Qt::ControlModifier);
        QCOMPARE(compared(), (std::vector<std::uint32_t> { runOfRow(3), runOfRow(1), runOfRow(5) }));
        const BreakdownModel* model = m_window->breakdownView()->model();
        const auto* title = m_window->breakdownView()->findChild<QLabel*>(u"breakdownTitle"_qs);
        QVERIFY(title);
        QVERIFY2(title->text().contains(model->runLabels().value(0)), qPrintable(title->text()));
        // Ctrl+click on the baseline drops it: the next chosen becomes the baseline.
        clickRow(3, Qt::ControlModifier);
        QCOMPARE(compared(), (std::vector<std::uint32_t> { runOfRow(1), runOfRow(5) }));
        // A plain click starts over with that run alone.
        clickRow(7);
        QCOMPARE(compared(), std::vector<std::uint32_t> { runOfRow(7) });
    }

    void headersNameTheFileOfARepeatedRegistration()
    {
        QVERIFY(openFixtures(*m_window, { u"runtime_gpt4o.csv"_qs, u"runtime_claude.csv"_qs }));
        const RunTableModel* runs = m_window->runsView()->model();
        std::vector<int> rows;
        for (int row = 0; row < runs->rowCount(); ++row) {
            if (runs->index(row, 0).data().toString() == u"SPUS55557"_qs)
                rows.push_back(row);
        }
        QCOMPARE(rows.size(), 2u);
        clickRow(rows[0]);
        clickRow(rows[1], Qt::ControlModifier);
        const BreakdownModel* model = m_window->breakdownView()->model();
        QCOMPARE(model->runs().size(), 2u);
        QStringList headers;
        for (int i = 0; i < 2; ++i)
            headers << model->headerData(model->timeColumn(i), Qt::Horizontal).toString();
        QVERIFY2(headers.filter(u"SPUS55557"_qs).size() == 2, qPrintable(headers.join(u" | ")));
        QVERIFY2(headers.filter(u"(runtime_gpt4o.csv)"_qs).size() == 1, qPrintable(headers.join(u" | ")));
        QVERIFY2(headers.filter(u"(runtime_claude.csv)"_qs).size() == 1, qPrintable(headers.join(u" | ")));
        // Two different registrations need no file name.
        clickRow(rows[0]);
        clickRow(rows[0] == 0 ? 1 : 0, Qt::ControlModifier);
        QVERIFY(!model->runLabels().join(u' ').contains(u".csv)"_qs));
    }
};

QTEST_MAIN(TestRunComparison)
#include "tst_runcomparison.moc"
