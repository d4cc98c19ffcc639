// Contrast, computed from the palettes: every mark the charts draw has at least
// 3:1 against the chart's base and against a box's tint behind it, in the light and
// the dark appearance; error text has 4.5:1. And the charts really draw in those
// colours: a chart shown in the dark palette takes the dark ones.
#include "chartsviewsupport.h"
#include "data/datasetlookups.h"
#include "testsupport.h"
#include "ui/charts/chartsview.h"
#include "ui/charts/src/chartstyle.h"
#include "ui/widgets/appearance.h"
#include "ui/widgets/contrast.h"

#include <QApplication>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace te;
using namespace te::test;
using chartparts::markColor;
using chartparts::MarkKind;

Q_DECLARE_METATYPE(te::Appearance)

namespace {

constexpr double kMarkContrast = 3.0;
constexpr double kTextContrast = 4.5;

QString describe(const char* what, int group, double ratio)
{
    return QStringLiteral("%1 of group %2: %3:1").arg(QLatin1String(what)).arg(group).arg(ratio, 0, 'f', 2);
}

} // namespace

class TestContrast : public QObject
{
    Q_OBJECT

    static void palettes()
    {
        QTest::addColumn<Appearance>("appearance");
        QTest::addRow("light") << Appearance::Light;
        QTest::addRow("dark") << Appearance::Dark;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"TimingExplorerContrast"_qs);
        QSettings().clear();
    }

    void helperFollowsWcag()
    {
        QCOMPARE(contrastRatio(Qt::black, Qt::white), 21.0);
        QCOMPARE(contrastRatio(Qt::white, Qt::white), 1.0);
        QVERIFY(qAbs(contrastRatio(QColor(0x76, 0x76, 0x76), Qt::white) - 4.54) < 0.01); // WebAIM's grey
        // A translucent mark is what it looks like over its background.
        QColor faintBlack(Qt::black);
        faintBlack.setAlpha(51); // 20 %
        QCOMPARE(composite(faintBlack, Qt::white), QColor(0xcc, 0xcc, 0xcc));
        QCOMPARE(contrastRatio(faintBlack, Qt::white), contrastRatio(QColor(0xcc, 0xcc, 0xcc), Qt::white));
    }

    void everyMarkHas3To1_data() { palettes(); }

    void everyMarkHas3To1()
    {
        QFETCH(Appearance, appearance);
        applyAppearance(appearance);
        const QPalette palette = QApplication::palette();
        const bool dark = isDark(palette);
        QCOMPARE(dark, appearance == Appearance::Dark);
        const QColor base = palette.color(QPalette::Base); // the chart's background (applyPalette)
        const QColor ink = palette.color(QPalette::Text); // box outlines, whiskers, medians, error bars
        const QColor target = markColor(MarkKind::Target, 0, dark);
        QVERIFY2(contrastRatio(ink, base) >= kMarkContrast, "ink on the base");
        QVERIFY2(contrastRatio(target, base) >= kMarkContrast, "the target line on the base");
        for (int g = 0; g < chartparts::kGroupColors; ++g) {
            const QColor tint = composite(markColor(MarkKind::Tint, g, dark), base);
            const QColor solid = markColor(MarkKind::Solid, g, dark);
            const QColor dense = markColor(MarkKind::DensePoint, g, dark);
            const QColor trend = markColor(MarkKind::TrendPoint, g, dark);
            const struct
            {
                const char* what;
                QColor mark;
                QColor behind;
            } checks[] = {
                { "line, bar, outlier or ECDF mark on the base", solid, base },
                { "box outline and median over the tint", ink, tint },
                { "strip point over the tint", solid, tint },
                { "dense strip point over the tint", dense, tint },
                { "dense strip point on the base", dense, base },
                { "trend point on the base", trend, base },
                { "target line over the tint", target, tint },
            };
            for (const auto& check : checks) {
                const double ratio = contrastRatio(check.mark, check.behind);
                QVERIFY2(ratio >= kMarkContrast, qPrintable(describe(check.what, g, ratio)));
            }
        }
        const QColor error = errorTextColor(palette);
        QVERIFY(contrastRatio(error, palette.color(QPalette::Window)) >= kTextContrast);
        QVERIFY(contrastRatio(error, palette.color(QPalette::Base)) >= kTextContrast);
    }

    // The chart code draws in these colours: nothing computes its own.
    void chartsDrawInThePalettesColours_data() { palettes(); }

    void chartsDrawInThePalettesColours()
    {
        QFETCH(Appearance, appearance);
        applyAppearance(appearance);
        const bool dark = appearance == Appearance::Dark;
        auto data = std::make_shared<const TimingDataset>(loadFixtures({ u"paired_10x2.jsonl"_qs }).dataset);
        ChartsView view;
        view.resize(1000, 700);
        view.show();
        QSignalSpy updated(&view, &ChartsView::chartUpdated);
        view.setRuns(data, allRuns(*data));
        QVERIFY(updated.wait(10000));
        choose(view, "Chart kind", u"Box plot"_qs);
        const QList<QBoxPlotSeries*> boxes = seriesOf<QBoxPlotSeries>(view);
        QCOMPARE(boxes.size(), 1);
        QCOMPARE(boxes.front()->boxSets().size(), 2);
        for (int g = 0; g < 2; ++g)
            QCOMPARE(boxes.front()->boxSets()[g]->brush().color(), markColor(MarkKind::Tint, g, dark));
        int strips = 0;
        for (QScatterSeries* s : seriesOf<QScatterSeries>(view)) {
            if (!s->property(chartparts::kStripProperty).toBool())
                continue;
            ++strips;
            QCOMPARE(s->color(),
                markColor(MarkKind::Solid, s->property(chartparts::kGroupProperty).toInt(), dark));
        }
        QCOMPARE(strips, 2);
        choose(view, "Chart kind", u"ECDF"_qs);
        for (QLineSeries* line : seriesOf<QLineSeries>(view)) {
            if (line->property(chartparts::kGroupProperty).isValid())
                QCOMPARE(line->pen().color(),
                    markColor(MarkKind::Solid, line->property(chartparts::kGroupProperty).toInt(), dark));
        }
    }
};

QTEST_MAIN(TestContrast)
#include "tst_contrast.moc"
