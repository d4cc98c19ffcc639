// The trees a flame graph draws: one run's, a group's means (which add up, counting
// a node a run lacks as 0 s) and medians, and the difference of two groups with its
// noise band. Expected figures are worked out by hand from the fixture's numbers.
#include "data/timingdataset.h"
#include "export/flamejson.h"
#include "stats/flametree.h"
#include "testsupport.h"

#include <QTest>
#include <nlohmann/json.hpp>

using namespace te;

namespace {

const FlameNode* childNamed(const FlameNode& node, const QString& name)
{
    for (const FlameNode& child : node.children) {
        if (child.name == name)
            return &child;
    }
    return nullptr;
}

QStringList childNames(const FlameNode& node)
{
    QStringList names;
    for (const FlameNode& child : node.children)
        names << child.name;
    return names;
}

/// Every node whose runs' parts add up: its children's seconds sum to its own.
void requireChildrenAddUp(const FlameNode& node)
{
    if (node.children.empty())
        return;
    double sum = 0;
    for (const FlameNode& child : node.children) {
        sum += child.seconds;
        requireChildrenAddUp(child);
    }
    QVERIFY2(std::fabs(sum - node.seconds) < 1e-9, qPrintable(node.path));
}

FlameDiffNode diffOf(double a, double b)
{
    FlameDiffNode node;
    node.secondsA = a;
    node.secondsB = b;
    node.inA = node.inB = true;
    return node;
}

} // namespace

class TestFlameTree : public QObject
{
    Q_OBJECT

    LoadResult m_loaded;
    std::vector<std::uint32_t> m_alpha;
    std::vector<std::uint32_t> m_beta;

private slots:
    void initTestCase()
    {
        m_loaded = test::loadFixtures({ u"flame_missing_nodes.jsonl"_qs });
        QCOMPARE(m_loaded.dataset.runCount(), 5U);
        m_alpha = test::runsOfModel(m_loaded.dataset, u"alpha"_qs);
        m_beta = test::runsOfModel(m_loaded.dataset, u"beta"_qs);
    }

    void oneRunIsItsOwnTree()
    {
        const FlameNode root = flameTreeOfRun(m_loaded.dataset, m_alpha[1]); // R2: 20 s, with phase3
        QCOMPARE(root.path, u"total"_qs);
        QCOMPARE(root.seconds, 20.0);
        // File order, and no "(unaccounted)": this run's phases add up to its total.
        QCOMPARE(childNames(root), (QStringList { u"phase1"_qs, u"phase2"_qs, u"phase3"_qs }));
        const FlameNode* phase1 = childNamed(root, u"phase1"_qs);
        QCOMPARE(childNames(*phase1), (QStringList { u"agent_conversation"_qs, u"(unaccounted)"_qs }));
        QCOMPARE(phase1->children.back().seconds, 1.0);
        QVERIFY(phase1->children.back().unaccounted);
    }

    void unaccountedComesLast()
    {
        // Run R1 made total's "(unaccounted)" before R2 brought phase3.
        const FlameNode root = flameTreeOfRuns(m_loaded.dataset, m_alpha, FlameSummary::Mean);
        QCOMPARE(childNames(root),
            (QStringList { u"phase1"_qs, u"phase2"_qs, u"phase3"_qs, u"(unaccounted)"_qs }));
    }

    void meansCountAMissingNodeAsZero()
    {
        const FlameNode root = flameTreeOfRuns(m_loaded.dataset, m_alpha, FlameSummary::Mean);
        QCOMPARE(root.runsWithNode, 3);
        QCOMPARE(root.seconds, 14.0); // (10 + 20 + 12) / 3
        const FlameNode* phase1 = childNamed(root, u"phase1"_qs);
        QVERIFY(qFuzzyCompare(phase1->seconds, 26.0 / 3));
        const FlameNode* setup = childNamed(*phase1, u"setup"_qs);
        QCOMPARE(setup->runsWithNode, 2);
        QVERIFY(qFuzzyCompare(setup->seconds, 0.5)); // (1 + 0 + 0.5) / 3
        QVERIFY(qFuzzyCompare(childNamed(root, u"phase3"_qs)->seconds, 2.0 / 3)); // one run of three
        QVERIFY(qFuzzyCompare(childNamed(root, u"(unaccounted)"_qs)->seconds, 1.0 / 3));
        requireChildrenAddUp(root);
        requireChildrenAddUp(flameTreeOfRuns(m_loaded.dataset, m_beta, FlameSummary::Mean));
    }

    void mediansAreOverTheRunsThatHaveTheNode()
    {
        const FlameNode root = flameTreeOfRuns(m_loaded.dataset, m_alpha, FlameSummary::Median);
        QCOMPARE(root.seconds, 12.0);
        const FlameNode* phase1 = childNamed(root, u"phase1"_qs);
        QCOMPARE(phase1->seconds, 8.0);
        QCOMPARE(childNamed(*phase1, u"setup"_qs)->seconds, 0.75); // median of 1 and 0.5
        QCOMPARE(childNamed(root, u"phase3"_qs)->seconds, 2.0);
    }

    void noRunsGiveAnEmptyRoot()
    {
        const FlameNode root = flameTreeOfRuns(m_loaded.dataset, {}, FlameSummary::Mean);
        QCOMPARE(root.seconds, 0.0);
        QVERIFY(root.children.empty());
    }

    void pairedFileMeansAreTheModelMeans()
    {
        const LoadResult paired = test::loadFixtures({ u"paired_10x2.jsonl"_qs });
        // The means of stats --group-by model, which agree with pandas.
        const FlameNode gpt4o = flameTreeOfRuns(
            paired.dataset, test::runsOfModel(paired.dataset, u"openai_gpt4o"_qs), FlameSummary::Mean);
        QVERIFY(qFuzzyCompare(gpt4o.seconds, 21.85));
        QVERIFY(qFuzzyCompare(childNamed(gpt4o, u"phase1"_qs)->seconds, 14.858));
        QVERIFY(qFuzzyCompare(childNamed(gpt4o, u"phase2"_qs)->seconds, 6.992));
        requireChildrenAddUp(gpt4o);
    }

    void theDifferenceMatchesNodesByPath()
    {
        const FlameNode a = flameTreeOfRuns(m_loaded.dataset, m_alpha, FlameSummary::Mean);
        const FlameNode b = flameTreeOfRuns(m_loaded.dataset, m_beta, FlameSummary::Mean);
        const FlameDiffNode diff = flameDifference(a, b);
        QCOMPARE(diff.secondsA, 14.0);
        QCOMPARE(diff.secondsB, 27.0);
        QCOMPARE(diff.delta(), 13.0);
        QVERIFY(qFuzzyCompare(diff.ratio(), 27.0 / 14.0));
        QCOMPARE(flameChange(diff, diff.secondsB), FlameChange::Slower);
        // phase3 only A ran: it is kept, marked, and reads as gone (faster).
        const auto phase3 = std::find_if(diff.children.begin(), diff.children.end(),
            [](const FlameDiffNode& n) { return n.name == u"phase3"_qs; });
        QVERIFY(phase3 != diff.children.end());
        QVERIFY(phase3->inA && !phase3->inB);
        QCOMPARE(phase3->secondsB, 0.0);
        QCOMPARE(flameChange(*phase3, diff.secondsB), FlameChange::Faster);
        QVERIFY(diff.children.back().unaccounted);
        // Mean trees: the root's Δ is the sum of its children's.
        double childDelta = 0;
        for (const FlameDiffNode& child : diff.children)
            childDelta += child.delta();
        QVERIFY(std::fabs(childDelta - diff.delta()) < 1e-9);
    }

    void theNoiseBand_data()
    {
        QTest::addColumn<double>("a");
        QTest::addColumn<double>("b");
        QTest::addColumn<double>("root");
        QTest::addColumn<int>("change");
        QTest::addRow("4 %% slower is noise") << 10.0 << 10.4 << 100.0 << int(FlameChange::Unchanged);
        QTest::addRow("6 %% slower") << 10.0 << 10.6 << 100.0 << int(FlameChange::Slower);
        QTest::addRow("6 %% faster") << 10.0 << 9.4 << 100.0 << int(FlameChange::Faster);
        QTest::addRow("a doubled 2 ms is under 0.1 %% of the root")
            << 0.002 << 0.004 << 100.0 << int(FlameChange::Unchanged);
        QTest::addRow("equal") << 3.0 << 3.0 << 10.0 << int(FlameChange::Unchanged);
    }
    void theNoiseBand()
    {
        QFETCH(double, a);
        QFETCH(double, b);
        QFETCH(double, root);
        QFETCH(int, change);
        QCOMPARE(int(flameChange(diffOf(a, b), root)), change);
    }

    void intensityFollowsTheRatio()
    {
        QCOMPARE(flameChangeIntensity(diffOf(10, 20)), 1.0);
        QCOMPARE(flameChangeIntensity(diffOf(10, 5)), 1.0);
        QCOMPARE(flameChangeIntensity(diffOf(10, 40)), 1.0);
        const double slight = flameChangeIntensity(diffOf(10, 10.6));
        const double more = flameChangeIntensity(diffOf(10, 14));
        QVERIFY(slight > 0 && slight < 0.05);
        QVERIFY(more > slight && more < 1);
        // Symmetric in the ratio: 1.25× slower is as strong as 1.25× faster.
        QVERIFY(
            qFuzzyCompare(flameChangeIntensity(diffOf(10, 12.5)), flameChangeIntensity(diffOf(12.5, 10))));
    }

    void theJsonCarriesTheTrees()
    {
        const FlameNode a = flameTreeOfRuns(m_loaded.dataset, m_alpha, FlameSummary::Mean);
        const auto trees = nlohmann::json::parse(flameTreesToJson({ { u"alpha"_qs, 3, &a } }, false));
        QCOMPARE(trees["kind"].get<std::string>(), std::string("flame"));
        QCOMPARE(trees["summary"].get<std::string>(), std::string("mean"));
        const auto& root = trees["groups"][0]["root"];
        QCOMPARE(root["seconds"].get<double>(), 14.0);
        QCOMPARE(root["children"].size(), std::size_t(4));
        QCOMPARE(root["children"][3]["name"].get<std::string>(), std::string("(unaccounted)"));

        const FlameNode b = flameTreeOfRuns(m_loaded.dataset, m_beta, FlameSummary::Mean);
        const auto diff = nlohmann::json::parse(
            flameDifferenceToJson(u"alpha"_qs, 3, u"beta"_qs, 2, flameDifference(a, b)));
        QCOMPARE(diff["kind"].get<std::string>(), std::string("flame-diff"));
        QCOMPARE(diff["root"]["delta"].get<double>(), 13.0);
        QCOMPARE(diff["root"]["change"].get<std::string>(), std::string("slower"));
        bool sawOnlyInA = false;
        for (const auto& child : diff["root"]["children"])
            sawOnlyInA = sawOnlyInA || (child["only_in"].is_string() && child["only_in"] == "a");
        QVERIFY(sawOnlyInA);
    }
};

QTEST_GUILESS_MAIN(TestFlameTree)
#include "tst_flametree.moc"
