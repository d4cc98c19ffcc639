#include "ui/charts/abpanel.h"

#include "models/abpartsmodel.h"
#include "models/baselinecomparisonmodel.h"
#include "models/totallastproxymodel.h"
#include "stats/chartdata.h"
#include "ui/flame/flameview.h"
#include "ui/widgets/elidingcombobox.h"
#include "util/durationformat.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>
#include <array>
#include <cmath>

namespace te {

namespace {

// What the issue asks to compare on, in the order offered; the median first.
constexpr std::array kStatistics { Statistic::Median, Statistic::Mean, Statistic::P90, Statistic::P95 };

QString ratioText(double value)
{
    return QString::number(value, 'f', 2);
}

QString pText(double p)
{
    return p < 1e-4 ? QString::number(p, 'e', 1) : QString::number(p, 'f', 4);
}

// The total row in bold: core's models carry no fonts (they link no Gui).
class TotalRowDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(AbPartsModel::TotalRole).toBool())
            option->font.setBold(true);
    }
};

// `proxy` sorts `model` for `table` on `sortRole`.
void setUpTable(QTableView* table, QSortFilterProxyModel* proxy, QAbstractItemModel* model, int sortRole,
    const QString& name)
{
    proxy->setSourceModel(model);
    proxy->setSortRole(sortRole);
    table->setModel(proxy);
    table->setSortingEnabled(true);
    table->sortByColumn(-1, Qt::AscendingOrder); // the model's order until the user sorts
    table->verticalHeader()->hide();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->setAlternatingRowColors(true);
    table->setAccessibleName(name);
}

} // namespace

AbPanel::AbPanel(QWidget* parent)
    : QWidget(parent)
    , m_mode(new QComboBox(this))
    , m_statistic(new QComboBox(this))
    , m_a(new ElidingComboBox(this))
    , m_b(new ElidingComboBox(this))
    , m_baselineGroup(new ElidingComboBox(this))
    , m_pairPicker(new QWidget(this))
    , m_baselinePicker(new QWidget(this))
    , m_summary(new QLabel(this))
    , m_slowLabel(new QLabel(this))
    , m_tables(new QStackedWidget(this))
    , m_parts(new QTableView(this))
    , m_flame(new FlameView(this))
    , m_baselineTable(new QTableView(this))
    , m_model(new AbPartsModel(this))
    , m_baselineModel(new BaselineComparisonModel(this))
    , m_job(this, [this](std::optional<Outcome> outcome) { showOutcome(std::move(outcome)); })
{
    m_mode->addItem(tr("two groups"), static_cast<int>(Mode::TwoGroups));
    m_mode->addItem(tr("all against a baseline"), static_cast<int>(Mode::Baseline));
    m_mode->setAccessibleName(tr("Compare"));
    m_mode->setObjectName(QStringLiteral("abMode"));
    for (const Statistic s : kStatistics)
        m_statistic->addItem(statisticLabel(s), static_cast<int>(s));
    m_statistic->setAccessibleName(tr("Compared statistic"));
    m_statistic->setObjectName(QStringLiteral("abStatistic"));
    m_a->setAccessibleName(tr("Group A"));
    m_b->setAccessibleName(tr("Group B"));
    m_baselineGroup->setAccessibleName(tr("Baseline"));
    for (QLabel* label : { m_summary, m_slowLabel }) {
        label->setTextFormat(Qt::RichText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_summary->setObjectName(QStringLiteral("abSummary"));
    m_slowLabel->setObjectName(QStringLiteral("abSlow"));
    buildTables();
    buildLayout();

    for (QComboBox* box :
        std::initializer_list<QComboBox*> { m_mode, m_statistic, m_a, m_b, m_baselineGroup })
        connect(box, &QComboBox::currentIndexChanged, this, &AbPanel::recompute);
    recompute();
}

AbPanel::~AbPanel() = default;

void AbPanel::buildTables()
{
    setUpTable(m_parts, new TotalLastProxyModel(AbPartsModel::TotalRole, m_parts), m_model,
        AbPartsModel::SortRole, tr("Where B's extra time went"));
    setUpTable(m_baselineTable, new QSortFilterProxyModel(m_baselineTable), m_baselineModel,
        BaselineComparisonModel::SortRole, tr("Every group against the baseline"));
    m_parts->setItemDelegate(new TotalRowDelegate(m_parts));
    m_parts->setObjectName(QStringLiteral("abParts"));
    m_baselineTable->setObjectName(QStringLiteral("abBaselineTable"));
    m_tables->addWidget(m_parts);
    m_tables->addWidget(m_baselineTable);
}

QWidget* AbPanel::buildPickers()
{
    auto* pair = new QHBoxLayout(m_pairPicker);
    pair->setContentsMargins(0, 0, 0, 0);
    pair->addWidget(new QLabel(tr("B:"), m_pairPicker));
    pair->addWidget(m_b, 1);
    pair->addWidget(new QLabel(tr("against A:"), m_pairPicker));
    pair->addWidget(m_a, 1);
    auto* base = new QHBoxLayout(m_baselinePicker);
    base->setContentsMargins(0, 0, 0, 0);
    base->addWidget(new QLabel(tr("Baseline:"), m_baselinePicker));
    base->addWidget(m_baselineGroup, 1);
    m_baselinePicker->hide();

    auto* row = new QWidget(this);
    auto* pick = new QHBoxLayout(row);
    pick->setContentsMargins(0, 0, 0, 0);
    pick->addWidget(new QLabel(tr("Compare:"), row));
    pick->addWidget(m_mode);
    pick->addWidget(new QLabel(tr("on"), row));
    pick->addWidget(m_statistic);
    pick->addWidget(m_pairPicker, 2);
    pick->addWidget(m_baselinePicker, 1);
    pick->addStretch(1);
    return row;
}

void AbPanel::buildLayout()
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(buildPickers());
    layout->addWidget(m_summary);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_tables);
    split->addWidget(m_flame);
    split->setStretchFactor(0, 3); // the table's figures first, the picture beside them
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);
    layout->addWidget(split, 1);
    layout->addWidget(m_slowLabel);
}

AbPanel::Mode AbPanel::mode() const
{
    return static_cast<Mode>(m_mode->currentData().toInt());
}

Statistic AbPanel::statistic() const
{
    return static_cast<Statistic>(m_statistic->currentData().toInt());
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
    fillGroupBoxes(labels);
    recompute();
}

void AbPanel::fillGroupBoxes(const QStringList& labels)
{
    const QString a = m_a->currentText();
    const QString b = m_b->currentText();
    const QString baseline = m_baselineGroup->currentText();
    m_labels = labels;
    const QSignalBlocker blockA(m_a), blockB(m_b), blockBaseline(m_baselineGroup);
    for (ElidingComboBox* box : { m_a, m_b, m_baselineGroup }) {
        box->clear();
        box->addItems(labels);
    }
    // The pair chosen before while both groups are still there and differ, else
    // the two largest groups: never a group against itself. The baseline likewise,
    // else the largest group.
    const bool keep = a != b && labels.contains(a) && labels.contains(b);
    std::vector<std::size_t> sizes;
    for (const auto& runs : m_groupRuns)
        sizes.push_back(runs.size());
    const auto [largest, second] = largestTwoGroups(sizes);
    m_a->setCurrentIndex(keep ? labels.indexOf(a) : std::max(largest, 0));
    m_b->setCurrentIndex(keep ? labels.indexOf(b) : second);
    const auto biggest = std::max_element(sizes.begin(), sizes.end());
    const int largestGroup = biggest == sizes.end() ? -1 : static_cast<int>(biggest - sizes.begin());
    m_baselineGroup->setCurrentIndex(labels.contains(baseline) ? labels.indexOf(baseline) : largestGroup);
}

QString AbPanel::whyNothingToCompare() const
{
    if (!m_data || m_metric < 0 || m_labels.size() < 2)
        return tr("Group the chart by a field with at least two values to compare them.");
    if (mode() == Mode::Baseline)
        return m_baselineGroup->currentIndex() < 0 ? tr("Pick a baseline.") : QString();
    const int a = m_a->currentIndex();
    const int b = m_b->currentIndex();
    return a < 0 || b < 0 || a == b ? tr("Pick two different groups.") : QString();
}

void AbPanel::recompute()
{
    const bool baselineMode = mode() == Mode::Baseline;
    m_pairPicker->setVisible(!baselineMode);
    m_baselinePicker->setVisible(baselineMode);
    m_tables->setCurrentWidget(baselineMode ? m_baselineTable : m_parts);
    m_flame->setVisible(!baselineMode);
    const QString why = whyNothingToCompare();
    if (!why.isEmpty()) {
        m_job.cancel(); // a comparison still running is of a choice no longer made
        m_summary->setText(why);
        m_slowLabel->clear();
        m_model->setComparison({});
        m_baselineModel->setComparison({});
        m_flame->setData({}, QString());
        return;
    }
    m_summary->setText(tr("Comparing…"));
    const int a = m_a->currentIndex();
    const int b = m_b->currentIndex();
    const int baseline = baselineMode ? m_baselineGroup->currentIndex() : -1;
    m_job.start([data = m_data, groups = m_groupRuns, metric = m_metric, a, b, baseline, labels = m_labels,
                    statistic = statistic()](const std::atomic<bool>&) -> std::optional<Outcome> {
        Outcome outcome;
        if (baseline >= 0) {
            outcome.baseline = compareWithBaseline(*data, groups, labels, baseline, metric, statistic);
        } else {
            const auto& runsA = groups[static_cast<std::size_t>(a)];
            const auto& runsB = groups[static_cast<std::size_t>(b)];
            outcome.comparison = compareGroups(*data, runsA, runsB, metric, labels[a], labels[b], statistic);
            outcome.flame = flameDifference(flameTreeOfRuns(*data, runsA, FlameSummary::Mean),
                flameTreeOfRuns(*data, runsB, FlameSummary::Mean));
        }
        outcome.slow = findSlowEverywhere(*data, groups, metric);
        return outcome;
    });
}

void AbPanel::showOutcome(std::optional<Outcome> outcome)
{
    if (!outcome)
        return; // cancelled: the panel says why there is nothing to compare
    m_comparison = std::move(outcome->comparison);
    m_baseline = std::move(outcome->baseline);
    m_slow = std::move(outcome->slow);
    m_model->setComparison(m_comparison);
    m_baselineModel->setComparison(m_baseline);
    if (mode() == Mode::TwoGroups)
        m_flame->setData(
            FlameGraphData::fromDifference(outcome->flame, m_comparison.labelA, m_comparison.labelB),
            tr("B's mean tree; red slower than A, blue faster:"));
    m_parts->resizeColumnsToContents();
    m_baselineTable->resizeColumnsToContents();
    m_summary->setText(summaryText());
    m_slowLabel->setText(slowText());
    emit compared();
}

QString AbPanel::summaryText() const
{
    return mode() == Mode::Baseline ? baselineSummary() : twoGroupSummary();
}

QString AbPanel::twoGroupSummary() const
{
    const AbComparison& c = m_comparison;
    if (c.nA == 0 || c.nB == 0)
        return tr("No runs with a value for the metric in one of the groups.");
    const QString statistic = statisticLabel(c.statistic);
    const QString verdict = c.mannWhitney.p < 0.05 ? tr("unlikely to be chance") : tr("could be chance");
    QString text
        = tr("<b>%1</b> (n=%2) against <b>%3</b> (n=%4): %5 B %6, %5 A %7; ratio of %5 <b>%8×</b> "
             "(95 % CI %9–%10×); Mann–Whitney p = %11, %12.")
              .arg(c.labelB.toHtmlEscaped())
              .arg(c.nB)
              .arg(c.labelA.toHtmlEscaped())
              .arg(c.nA)
              .arg(statistic, formatDuration(c.valueB), formatDuration(c.valueA), ratioText(c.ratio.estimate),
                  ratioText(c.ratio.low), ratioText(c.ratio.high), pText(c.mannWhitney.p), verdict);
    if (c.pairedRegistrations > 0) {
        text += tr("<br>On the %1 registrations both ran: median B/A %2× (95 % CI %3–%4×).")
                    .arg(c.pairedRegistrations)
                    .arg(ratioText(c.paired.medianRatio.estimate), ratioText(c.paired.medianRatio.low),
                        ratioText(c.paired.medianRatio.high));
    }
    return text;
}

QString AbPanel::baselineSummary() const
{
    const BaselineComparison& c = m_baseline;
    if (c.baselineN == 0)
        return tr("No runs with a value for the metric in the baseline.");
    return tr("Every group against <b>%1</b> (n=%2, %3 %4): faster or slower only when the 95 % CI of "
              "the ratio lies wholly below or above 1, else unclear.")
        .arg(c.baseline.toHtmlEscaped())
        .arg(c.baselineN)
        .arg(statisticLabel(c.statistic), formatDuration(c.baselineValue));
}

QString AbPanel::slowText() const
{
    const QString rule = tr("a registration whose median is above its group's P90 in every group it ran in; "
                            "groups of %1 runs or more")
                             .arg(kMinRunsToCallSlow);
    constexpr int kNamed = 12;
    switch (m_slow.why) {
    case SlowEverywhere::Empty::NotEmpty:
        return tr("<b>Slow in every group</b> (%1): %2")
                   .arg(rule, m_slow.ids.mid(0, kNamed).join(QStringLiteral(", ")).toHtmlEscaped())
            + (m_slow.ids.size() > kNamed ? tr(" and %1 more").arg(m_slow.ids.size() - kNamed) : QString());
    case SlowEverywhere::Empty::NoSharedRegistration:
        return tr("<b>Slow in every group:</b> none, because no registration ran in two groups.");
    case SlowEverywhere::Empty::TooFewRuns:
        return tr("<b>Slow in every group:</b> none, because fewer than two groups have %1 runs or more; "
                  "fewer are too few to call a run slow.")
            .arg(kMinRunsToCallSlow);
    case SlowEverywhere::Empty::NoneSlowEverywhere:
        break;
    }
    return tr("<b>Slow in every group:</b> none; no registration is slow in every group (%1).").arg(rule);
}

} // namespace te
