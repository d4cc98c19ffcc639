#include "ui/charts/abpanel.h"

#include "models/abpartsmodel.h"
#include "stats/chartdata.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>
#include <cmath>

namespace te {

AbPanel::AbPanel(QWidget* parent)
    : QWidget(parent)
    , m_a(new QComboBox(this))
    , m_b(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_parts(new QTableView(this))
    , m_model(new AbPartsModel(this))
    , m_job(this, [this](std::optional<Outcome> outcome) { showOutcome(std::move(outcome)); })
{
    m_a->setAccessibleName(tr("Group A"));
    m_b->setAccessibleName(tr("Group B"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setObjectName(QStringLiteral("abSummary"));
    auto* proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(AbPartsModel::SortRole);
    m_parts->setModel(proxy);
    m_parts->setSortingEnabled(true);
    m_parts->sortByColumn(-1, Qt::AscendingOrder); // tree order until the user sorts
    m_parts->verticalHeader()->hide();
    m_parts->verticalHeader()->setDefaultSectionSize(m_parts->fontMetrics().height() + 6);
    m_parts->setAlternatingRowColors(true);
    m_parts->setAccessibleName(tr("Where B's extra time went"));
    buildLayout();

    connect(m_a, &QComboBox::currentIndexChanged, this, &AbPanel::recompute);
    connect(m_b, &QComboBox::currentIndexChanged, this, &AbPanel::recompute);
    m_summary->setText(tr("Pick two groups to compare."));
}

AbPanel::~AbPanel() = default;

void AbPanel::buildLayout()
{
    auto* pick = new QHBoxLayout;
    pick->addWidget(new QLabel(tr("Compare B:"), this));
    pick->addWidget(m_b);
    pick->addWidget(new QLabel(tr("with A:"), this));
    pick->addWidget(m_a);
    pick->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(pick);
    layout->addWidget(m_summary);
    layout->addWidget(m_parts, 1);
}

void AbPanel::setChart(std::shared_ptr<const TimingDataset> data, const ChartData& chart)
{
    m_data = std::move(data);
    m_metric = chart.metric;
    m_groupRuns.clear();
    QStringList labels;
    for (const ChartGroup& g : chart.groups) {
        labels << g.label;
        m_groupRuns.push_back(g.runs);
    }
    const QString a = m_a->currentText();
    const QString b = m_b->currentText();
    m_labels = labels;
    {
        const QSignalBlocker blockA(m_a), blockB(m_b);
        m_a->clear();
        m_b->clear();
        m_a->addItems(labels);
        m_b->addItems(labels);
        // The pair chosen before while both groups are still there and differ, else
        // the two largest groups: never a group against itself.
        const bool keep = a != b && labels.contains(a) && labels.contains(b);
        std::vector<std::size_t> sizes;
        for (const auto& runs : m_groupRuns)
            sizes.push_back(runs.size());
        const auto [largest, second] = largestTwoGroups(sizes);
        m_a->setCurrentIndex(keep ? labels.indexOf(a) : std::max(largest, 0));
        m_b->setCurrentIndex(keep ? labels.indexOf(b) : second);
    }
    recompute();
}

void AbPanel::recompute()
{
    const int a = m_a->currentIndex();
    const int b = m_b->currentIndex();
    if (!m_data || m_metric < 0 || a < 0 || b < 0 || a == b) {
        m_job.cancel(); // a comparison still running is of a pair no longer chosen
        m_summary->setText(m_labels.size() < 2
                ? tr("Group the chart by a field with at least two values to compare them.")
                : tr("Pick two different groups."));
        m_model->setComparison({});
        return;
    }
    m_summary->setText(tr("Comparing…"));
    m_job.start([data = m_data, groups = m_groupRuns, metric = m_metric, a, b, labels = m_labels](
                    const std::atomic<bool>&) -> std::optional<Outcome> {
        AbComparison c = compareGroups(*data, groups[static_cast<std::size_t>(a)],
            groups[static_cast<std::size_t>(b)], metric, labels[a], labels[b]);
        return Outcome { std::move(c), slowInEveryGroup(*data, groups, metric) };
    });
}

void AbPanel::showOutcome(std::optional<Outcome> outcome)
{
    if (!outcome)
        return; // cancelled: the panel says why there is nothing to compare
    showComparison(outcome->comparison);
    if (!outcome->slowEverywhere.isEmpty())
        m_summary->setText(m_summary->text() + slowEverywhereText(outcome->slowEverywhere));
    emit compared();
}

QString AbPanel::slowEverywhereText(const QStringList& slow) const
{
    constexpr int kNamed = 12;
    return tr("<br>Slow on every %1 they ran on (above its P90): %2")
               .arg(m_labels.size() > 1 ? tr("group") : QString(),
                   slow.mid(0, kNamed).join(QStringLiteral(", ")).toHtmlEscaped())
        + (slow.size() > kNamed ? tr(" and %1 more").arg(slow.size() - kNamed) : QString());
}

void AbPanel::showComparison(const AbComparison& c)
{
    m_comparison = c;
    m_model->setComparison(c);
    m_parts->resizeColumnsToContents();
    m_summary->setText(summaryText());
}

QString AbPanel::summaryText() const
{
    const AbComparison& c = m_comparison;
    if (c.nA == 0 || c.nB == 0)
        return tr("No runs with a value for the metric in one of the groups.");
    const double r = c.ratioOfMedians.estimate;
    const QString verdict = c.mannWhitney.p < 0.05 ? tr("unlikely to be chance") : tr("could be chance");
    QString text
        = tr("<b>%1</b> (n=%2) is <b>%3×</b> %4 at the median (95 % CI %5–%6×); Mann–Whitney p = %7, %8.")
              .arg(c.labelB.toHtmlEscaped())
              .arg(c.nB)
              .arg(r, 0, 'f', 2)
              .arg(tr("%1 (n=%2)").arg(c.labelA.toHtmlEscaped()).arg(c.nA))
              .arg(c.ratioOfMedians.low, 0, 'f', 2)
              .arg(c.ratioOfMedians.high, 0, 'f', 2)
              .arg(c.mannWhitney.p < 1e-4 ? QString::number(c.mannWhitney.p, 'e', 1)
                                          : QString::number(c.mannWhitney.p, 'f', 4),
                  verdict);
    if (c.pairedRegistrations > 0) {
        text += tr("<br>On the %1 registrations both ran: median B/A %2× (95 % CI %3–%4×).")
                    .arg(c.pairedRegistrations)
                    .arg(c.paired.medianRatio.estimate, 0, 'f', 2)
                    .arg(c.paired.medianRatio.low, 0, 'f', 2)
                    .arg(c.paired.medianRatio.high, 0, 'f', 2);
    }
    return text;
}

} // namespace te
