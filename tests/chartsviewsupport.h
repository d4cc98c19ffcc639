#pragma once

// What the charts view tests share: a shown view with its first chart, the series a
// chart draws, and a choice made in one of the view's combo boxes, waited for until
// the chart is drawn again.
#include "data/datasetlookups.h"
#include "data/timingdataset.h"
#include "ui/charts/chartsview.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QSignalSpy>
#include <QTest>
#include <memory>

namespace te::test {

/// Shows `view` at `size` with every run of `data`, and waits for its first chart.
inline void showWithRuns(
    ChartsView& view, const std::shared_ptr<const TimingDataset>& data, QSize size = { 1100, 750 })
{
    view.resize(size);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy updated(&view, &ChartsView::chartUpdated);
    view.setRuns(data, allRuns(*data));
    QVERIFY(updated.wait(10000));
}

template <typename Series> QList<Series*> seriesOf(const ChartsView& view)
{
    QList<Series*> found;
    for (QAbstractSeries* s : view.chartView()->chart()->series()) {
        if (auto* typed = qobject_cast<Series*>(s))
            found << typed;
    }
    return found;
}

/// Picks `text` in the combo box named `accessibleName` and waits for the new
/// chart; nothing to wait for when it is already chosen.
inline void choose(ChartsView& view, const char* accessibleName, const QString& text)
{
    for (QComboBox* box : view.findChildren<QComboBox*>()) {
        if (box->accessibleName() == QLatin1String(accessibleName)) {
            if (box->currentText() == text)
                return;
            QSignalSpy updated(&view, &ChartsView::chartUpdated);
            const int index = box->findText(text);
            QVERIFY2(index >= 0, qPrintable(text));
            box->setCurrentIndex(index);
            QVERIFY(updated.wait(10000));
            return;
        }
    }
    QFAIL(accessibleName);
}

} // namespace te::test
