#pragma once

// What the charts view tests share: the series a chart draws, and a choice made
// in one of the view's combo boxes, waited for until the chart is drawn again.
#include "ui/charts/chartsview.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QSignalSpy>
#include <QTest>

namespace te::test {

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
