// BreakdownView's Flame view: the switch between the tree and the flame graph, and
// what the flame graph shows for the selected runs.
#include "data/timingdataset.h"
#include "stats/flametree.h"
#include "stats/groupreference.h"
#include "ui/flame/flamegraphwidget.h"
#include "ui/flame/flameview.h"
#include "ui/runs/breakdownview.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QSettings>
#include <QStackedWidget>
#include <QToolButton>
#include <QTreeView>

namespace te {

namespace {

const QString kFlameShownKey = QStringLiteral("breakdown/flame");

QString runName(const TimingDataset& data, std::uint32_t run)
{
    const QString id = data.fieldValue(run, TimingDataset::RegistrationId);
    const QString model = data.fieldValue(run, TimingDataset::Model);
    QString name = id.isEmpty() ? QObject::tr("line %1").arg(data.line(run)) : id;
    if (!model.isEmpty())
        name += QStringLiteral(" (%1)").arg(model);
    return name;
}

} // namespace

QWidget* BreakdownView::buildViewSwitch()
{
    auto* box = new QWidget(this);
    // Some styles draw a checked tool button hardly apart from an unchecked one.
    box->setStyleSheet(QStringLiteral("QToolButton:checked { font-weight: bold; }"));
    auto* layout = new QHBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    for (const auto& [label, tip, id] : { std::tuple { tr("Tree"), tr("The breakdown as a table"), 0 },
             std::tuple { tr("Flame"), tr("The breakdown as a flame graph"), 1 } }) {
        auto* button = new QToolButton(box);
        button->setText(label);
        button->setToolTip(tip);
        button->setCheckable(true);
        button->setAutoRaise(false);
        button->setObjectName(
            id == 0 ? QStringLiteral("breakdownTreeButton") : QStringLiteral("breakdownFlameButton"));
        m_viewButtons->addButton(button, id);
        layout->addWidget(button);
    }
    m_viewButtons->setExclusive(true);
    connect(m_viewButtons, &QButtonGroup::idClicked, this, [this](int id) { setFlameShown(id == 1); });
    connect(m_flame, &FlameView::slowestRunsRequested, this, [this](const QString& path) {
        const int metric = m_data ? m_data->metricId(path) : -1;
        if (metric < 0)
            return;
        std::vector<std::uint32_t> runs;
        m_data->values(metric).forEach([&](std::uint32_t run, double) { runs.push_back(run); });
        emit slowestRunsRequested(path, runs);
    });
    return box;
}

void BreakdownView::restoreFlameShown()
{
    const bool flame = QSettings().value(kFlameShownKey, false).toBool();
    m_viewButtons->button(flame ? 1 : 0)->setChecked(true);
    m_views->setCurrentIndex(flame ? 1 : 0);
}

void BreakdownView::setFlameShown(bool flame)
{
    QSettings().setValue(kFlameShownKey, flame);
    m_viewButtons->button(flame ? 1 : 0)->setChecked(true);
    m_views->setCurrentIndex(flame ? 1 : 0);
}

bool BreakdownView::isFlameShown() const
{
    return m_views->currentIndex() == 1;
}

void BreakdownView::updateFlame()
{
    if (!m_data || m_runs.empty()) {
        m_flame->setData({}, QString());
        return;
    }
    const std::uint32_t first = m_runs.front();
    if (m_runs.size() == 1) {
        QHash<QString, double> medians;
        QString label;
        if (const int group = m_reference ? m_reference->groupOf(first) : -1; group >= 0) {
            for (int metric = 0; metric < m_data->metricCount(); ++metric) {
                const double median = m_reference->median(group, metric);
                if (median == median)
                    medians.insert(m_data->metric(metric).path, median);
            }
            label = tr("median of %1").arg(m_reference->label(group));
        }
        m_flame->graph()->setReference(std::move(medians), label);
        m_flame->setData(FlameGraphData::fromTree(flameTreeOfRun(*m_data, first)), QString());
        return;
    }
    const std::uint32_t second = m_runs[1];
    const QString a = runName(*m_data, first);
    const QString b = runName(*m_data, second);
    m_flame->graph()->setReference({}, QString());
    m_flame->setData(
        FlameGraphData::fromDifference(
            flameDifference(flameTreeOfRun(*m_data, first), flameTreeOfRun(*m_data, second)), a, b),
        m_runs.size() == 2 ? tr("%1 against %2:").arg(b, a)
                           : tr("%1 against %2 (the first two of %3):").arg(b, a).arg(m_runs.size()));
}

} // namespace te
