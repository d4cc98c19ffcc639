// The Charts tab's Flame kind, offscreen: one graph per group on one scale whose
// roots are the groups' mean totals, the median toggle, one search for every graph,
// and "Runs where this node is slowest" limited to the group.
#include "data/datasetlookups.h"
#include "testsupport.h"
#include "ui/charts/chartsview.h"
#include "ui/charts/groupflamespanel.h"
#include "ui/flame/flamegraphwidget.h"
#include "ui/flame/flameview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace te;
using namespace te::test;

class TestGroupFlames : public QObject
{
    Q_OBJECT

    std::shared_ptr<const TimingDataset> m_data;
    std::unique_ptr<ChartsView> m_view;

    GroupFlamesPanel* panel() const { return m_view->flamesPanel(); }

    double meanTotal(const QString& model) const
    {
        const auto runs = runsOfModel(*m_data, model);
        double sum = 0;
        for (const std::uint32_t run : runs)
            sum += m_data->value(run, TimingDataset::kRootMetric);
        return sum / static_cast<double>(runs.size());
    }

    void chooseFlames()
    {
        QComboBox* kind = nullptr;
        for (QComboBox* box : m_view->findChildren<QComboBox*>()) {
            if (box->accessibleName() == u"Chart kind"_qs)
                kind = box;
        }
        QVERIFY(kind);
        QSignalSpy shown(panel(), &GroupFlamesPanel::flamesShown);
        kind->setCurrentIndex(kind->findText(u"Flame graph"_qs));
        QVERIFY(shown.wait(10000));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_data = std::make_shared<const TimingDataset>(loadFixtures({ u"paired_10x3.jsonl"_qs }).dataset);
    }

    void init()
    {
        QCoreApplication::setOrganizationName(u"TimingExplorerGroupFlames"_qs);
        QSettings().clear();
        m_view = std::make_unique<ChartsView>();
        m_view->resize(1000, 600);
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        QSignalSpy updated(m_view.get(), &ChartsView::chartUpdated);
        m_view->setRuns(m_data, allRuns(*m_data));
        QVERIFY(updated.wait(10000));
        chooseFlames();
    }

    void cleanup() { m_view.reset(); }

    void oneGraphPerGroupOnOneScale()
    {
        QVERIFY(m_view->showsFlames());
        QVERIFY(panel()->isVisible());
        const auto views = panel()->views();
        QCOMPARE(views.size(), std::size_t(3));
        double largest = 0;
        for (FlameView* view : views) {
            const QString model = view->captionLabel()->text().section(u' ', 0, 0);
            const double root = view->graph()->data().rootSeconds();
            QVERIFY2(qFuzzyCompare(root, meanTotal(model)), qPrintable(model));
            QVERIFY(view->captionLabel()->text().contains(u"mean of 10 runs"_qs));
            largest = std::max(largest, root);
        }
        // The slowest group spans the width; the others in proportion.
        for (FlameView* view : views) {
            FlameGraphWidget* graph = view->graph();
            const double width = graph->boxes().front().rect.width();
            QVERIFY(std::fabs(width - graph->width() * graph->data().rootSeconds() / largest) < 1.0);
        }
    }

    void theMedianTreeSaysItsPartsNeedNotAddUp()
    {
        QSignalSpy shown(panel(), &GroupFlamesPanel::flamesShown);
        panel()->findChild<QCheckBox*>(u"flameMedians"_qs)->click();
        QVERIFY(shown.wait(10000));
        QVERIFY(panel()->showsMedians());
        for (FlameView* view : panel()->views()) {
            QVERIFY(view->captionLabel()->text().contains(u"medians: parts need not add up"_qs));
            QVERIFY(view->graph()->data().isMedian);
        }
    }

    void oneSearchForEveryGraph()
    {
        QTest::keyClicks(panel()->searchField(), u"phase1"_qs);
        for (FlameView* view : panel()->views()) {
            QVERIFY(!view->searchField()->isVisible());
            QVERIFY(view->graph()->searchShare() > 0.5); // phase1 is most of every total
        }
    }

    void slowestRunsStayInTheGroup()
    {
        QSignalSpy asked(m_view.get(), &ChartsView::slowestRunsRequested);
        FlameView* first = panel()->views().front();
        emit first->slowestRunsRequested(u"phase2"_qs);
        QCOMPARE(asked.count(), 1);
        const auto runs = asked.front().at(1).value<std::vector<std::uint32_t>>();
        QCOMPARE(runs.size(), std::size_t(10));
        const QString model = m_data->fieldValue(runs.front(), TimingDataset::Model);
        for (const std::uint32_t run : runs)
            QCOMPARE(m_data->fieldValue(run, TimingDataset::Model), model);
    }
};

QTEST_MAIN(TestGroupFlames)
#include "tst_groupflames.moc"
