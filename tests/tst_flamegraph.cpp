// The flame graph widget, offscreen: its layout (children within their parent,
// narrow siblings merged, zoom keeping proportions), its colours (stable by name;
// red, blue and white in a difference), the search share, zoom by click and
// Escape, the tooltips and the TSV copy.
#include "data/timingdataset.h"
#include "stats/flametree.h"
#include "testsupport.h"
#include "ui/flame/flamecolors.h"
#include "ui/flame/flamegraphwidget.h"
#include "ui/flame/flamelayout.h"
#include "ui/flame/flameview.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTest>

using namespace te;

namespace {

FlameNode leaf(const QString& name, double seconds)
{
    FlameNode node;
    node.metric = 1;
    node.name = name;
    node.path = name;
    node.seconds = seconds;
    node.runsWithNode = 1;
    return node;
}

int itemNamed(const FlameGraphData& data, const QString& name)
{
    for (std::size_t i = 0; i < data.items.size(); ++i) {
        if (data.items[i].name == name)
            return static_cast<int>(i);
    }
    return -1;
}

const FlameBox* boxOf(const std::vector<FlameBox>& boxes, int item)
{
    for (const FlameBox& box : boxes) {
        if (box.item == item)
            return &box;
    }
    return nullptr;
}

/// Every laid-out box with children: they fill it, within 1 px, when its runs' parts add up.
void requireChildrenFillParents(const FlameGraphData& data, const std::vector<FlameBox>& boxes)
{
    for (const FlameBox& parent : boxes) {
        if (parent.item < 0 || parent.isAncestor
            || data.items[static_cast<std::size_t>(parent.item)].children.empty())
            continue;
        double width = 0;
        for (const FlameBox& child : boxes) {
            const int of = child.item >= 0
                ? data.items[static_cast<std::size_t>(child.item)].parent
                : data.items[static_cast<std::size_t>(child.merged.front())].parent;
            if (of == parent.item)
                width += child.rect.width();
        }
        QVERIFY2(std::fabs(width - parent.rect.width()) <= 1.0,
            qPrintable(data.items[static_cast<std::size_t>(parent.item)].path));
    }
}

/// The widget as it paints, at its own size (grab() of a hidden widget may be blank).
QImage paintedImage(QWidget& widget)
{
    QImage image(widget.size(), QImage::Format_ARGB32);
    image.fill(Qt::transparent);
    widget.render(&image);
    return image;
}

} // namespace

class TestFlameGraph : public QObject
{
    Q_OBJECT

    LoadResult m_loaded;
    FlameNode m_alpha;
    FlameNode m_beta;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_loaded = test::loadFixtures({ u"flame_missing_nodes.jsonl"_qs });
        m_alpha = flameTreeOfRuns(
            m_loaded.dataset, test::runsOfModel(m_loaded.dataset, u"alpha"_qs), FlameSummary::Mean);
        m_beta = flameTreeOfRuns(
            m_loaded.dataset, test::runsOfModel(m_loaded.dataset, u"beta"_qs), FlameSummary::Mean);
    }

    void childrenFillTheirParent()
    {
        const FlameGraphData data = FlameGraphData::fromTree(m_alpha);
        for (const double width : { 120.0, 640.0, 1913.0 })
            requireChildrenFillParents(data, layoutFlame(data, 0, width, 20));
        const LoadResult paired = test::loadFixtures({ u"paired_10x2.jsonl"_qs });
        const FlameGraphData pairedData = FlameGraphData::fromTree(flameTreeOfRuns(
            paired.dataset, test::runsOfModel(paired.dataset, u"openai_gpt5"_qs), FlameSummary::Mean));
        requireChildrenFillParents(pairedData, layoutFlame(pairedData, 0, 800, 20));
    }

    void narrowSiblingsMergeIntoOneBox()
    {
        FlameNode root = leaf(u"total"_qs, 100);
        root.children.push_back(leaf(u"big"_qs, 98));
        for (int i = 0; i < 40; ++i)
            root.children.push_back(leaf(u"tiny%1"_qs.arg(i), 0.05));
        const FlameGraphData data = FlameGraphData::fromTree(root);
        const std::vector<FlameBox> boxes = layoutFlame(data, 0, 400, 20); // a tiny node is 0.2 px
        int mergedBoxes = 0;
        for (const FlameBox& box : boxes) {
            if (box.item < 0) {
                ++mergedBoxes;
                QCOMPARE(box.merged.size(), std::size_t(40));
                QVERIFY(std::fabs(box.rect.width() - 8.0) < 1e-9); // 40 × 0.2 px
            }
        }
        QCOMPARE(mergedBoxes, 1);
        QCOMPARE(boxes.size(), std::size_t(3)); // root, big, "…"
        FlameGraphWidget widget;
        widget.setData(data);
        for (const FlameBox& box : boxes) {
            if (box.item < 0)
                QVERIFY2(widget.tipFor(box).contains(u"tiny0"_qs), qPrintable(widget.tipFor(box)));
        }
    }

    void zoomKeepsProportions()
    {
        const FlameGraphData data = FlameGraphData::fromTree(m_alpha);
        const int phase1 = itemNamed(data, u"phase1"_qs);
        const std::vector<FlameBox> boxes = layoutFlame(data, phase1, 600, 20);
        const FlameBox* zoomed = boxOf(boxes, phase1);
        QVERIFY(zoomed);
        QCOMPARE(zoomed->rect.width(), 600.0);
        const FlameBox* root = boxOf(boxes, 0);
        QVERIFY(root && root->isAncestor && root->rect.width() == 600.0);
        const FlameBox* conversation = boxOf(boxes, itemNamed(data, u"agent_conversation"_qs));
        QVERIFY(std::fabs(conversation->rect.width() - 600.0 * 7.5 / (26.0 / 3)) < 1e-6);
        QVERIFY(!boxOf(boxes, itemNamed(data, u"phase2"_qs))); // outside the zoom
        requireChildrenFillParents(data, boxes);
    }

    void coloursAreStableAndDifferencesReadRedBlueWhite()
    {
        QCOMPARE(
            flameNodeColor(u"agent_conversation"_qs, false), flameNodeColor(u"agent_conversation"_qs, false));
        QVERIFY(flameNodeColor(u"agent_conversation"_qs, false) != flameNodeColor(u"file_write"_qs, false));
        QCOMPARE(flameDifferenceColor(FlameChange::Unchanged, 0.7, false), QColor(Qt::white));
        const QColor slower = flameDifferenceColor(FlameChange::Slower, 1, false);
        const QColor faster = flameDifferenceColor(FlameChange::Faster, 1, false);
        QVERIFY(slower.red() > 2 * slower.blue());
        QVERIFY(faster.blue() > 2 * faster.red());
        // More intense, further from white.
        QVERIFY(flameDifferenceColor(FlameChange::Slower, 0.1, false).green()
            > flameDifferenceColor(FlameChange::Slower, 0.9, false).green());
        QCOMPARE(flameTextColor(QColor(Qt::white)), QColor(Qt::black));
        QCOMPARE(flameTextColor(QColor(0x20, 0x20, 0x60)), QColor(Qt::white));
    }

    void aClickZoomsAndEscapeResets()
    {
        FlameView view;
        view.resize(800, 200);
        view.setData(FlameGraphData::fromTree(m_alpha), u"mean of 3 runs"_qs);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        FlameGraphWidget* graph = view.graph();
        const int phase1 = itemNamed(graph->data(), u"phase1"_qs);
        const FlameBox* box = boxOf(graph->boxes(), phase1);
        QTest::mouseClick(graph, Qt::LeftButton, {}, box->rect.center().toPoint());
        QCOMPARE(graph->zoomItem(), phase1);
        QCOMPARE(graph->breadcrumbs(), (QStringList { u"total"_qs, u"phase1"_qs }));
        QVERIFY(view.breadcrumbLabel()->isVisible());
        QVERIFY(view.breadcrumbLabel()->text().contains(u"href=\"1\""_qs)); // total, one step up
        QCOMPARE(boxOf(graph->boxes(), phase1)->rect.width(), double(graph->width()));
        QTest::keyClick(graph, Qt::Key_Escape);
        QCOMPARE(graph->zoomItem(), 0);
        QVERIFY(!view.breadcrumbLabel()->isVisible());
        QCOMPARE(view.captionLabel()->text(), u"mean of 3 runs"_qs);
    }

    void searchHighlightsAndSumsItsShare()
    {
        FlameView view;
        view.setData(FlameGraphData::fromTree(m_alpha), QString());
        QTest::keyClicks(view.searchField(), u"phase"_qs);
        // phase1 + phase2 + phase3 of a 14 s mean: (26/3 + 13/3 + 2/3) / 14.
        QVERIFY(qFuzzyCompare(view.graph()->searchShare(), (41.0 / 3) / 14.0));
        QVERIFY(view.shareLabel()->text().contains(u"97.6"_qs));
        view.searchField()->clear();
        QCOMPARE(view.graph()->searchShare(), 0.0);
        // A match inside a match counts once: "a" is in "phase1" and in "agent_conversation".
        view.graph()->setSearch(u"a"_qs);
        QVERIFY(view.graph()->searchShare() <= 1.0 + 1e-12);
    }

    void differenceTipsAndPaint()
    {
        const FlameDiffNode diff = flameDifference(m_alpha, m_beta);
        FlameGraphWidget widget;
        widget.resize(700, 120);
        widget.setData(FlameGraphData::fromDifference(diff, u"alpha"_qs, u"beta"_qs));
        const FlameBox* root = boxOf(widget.boxes(), 0);
        const QString tip = widget.tipFor(*root);
        for (const QString& part :
            { u"A (alpha): 14.0 s"_qs, u"B (beta): 27.0 s"_qs, u"Δ +13.0 s"_qs, u"1.93×"_qs })
            QVERIFY2(tip.contains(part), qPrintable(tip));
        const QString tsv = widget.toTsv();
        QVERIFY(tsv.startsWith(u"path\tseconds_a\tseconds_b\tdelta\tratio\tchange\n"_qs));
        QVERIFY(tsv.contains(u"total\t14\t27\t13\t"_qs));
        QVERIFY(tsv.contains(u"phase3\t"_qs)); // only in A, still listed

        // The root, 1.93× slower, paints red.
        const QImage image = paintedImage(widget); // polishing may lay it out again: boxes after it
        const QColor pixel = image.pixelColor(boxOf(widget.boxes(), 0)->rect.center().toPoint());
        QVERIFY2(pixel.red() > pixel.blue() + 60, qPrintable(pixel.name()));
    }

    void unaccountedIsHatched()
    {
        FlameGraphWidget widget;
        widget.resize(600, 100);
        widget.setData(FlameGraphData::fromTree(m_alpha));
        const int unaccounted = static_cast<int>(widget.data().items.front().children.back());
        QVERIFY(widget.data().items[static_cast<std::size_t>(unaccounted)].unaccounted);
        const QImage image = paintedImage(widget); // polishing may lay it out again: boxes after it
        const FlameBox* box = boxOf(widget.boxes(), unaccounted);
        QVERIFY(box && box->rect.width() > 6);
        QSet<QRgb> colours;
        const QRect inside = box->rect.toRect().adjusted(1, 2, -2, -2);
        for (int x = inside.left(); x <= inside.right(); ++x)
            colours.insert(image.pixel(x, inside.center().y()));
        QVERIFY2(colours.size() >= 2, "no hatching"); // the pattern's lines over the grey
    }
};

QTEST_MAIN(TestFlameGraph)
#include "tst_flamegraph.moc"
