#include "ui/charts/abpanel.h"

#include "data/timingdataset.h"
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
#include <algorithm>
#include <array>
#include <cmath>

namespace te {

namespace {

// The baseline box's items that are "previous value of" a field carry its name.
constexpr int kPreviousFieldRole = Qt::UserRole + 1;

// What the issue asks to compare on, in the order offered; the median first.
constexpr std::array kStatistics { Statistic::Median, Statistic::Mean, Statistic::P90, Statistic::P95 };

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
    m_extraRuns.clear();
    m_extraLabels.clear();
    QStringList labels;
    for (const ChartGroup& g : chart.groups) {
        labels << g.label;
        m_groupRuns.push_back(g.runs);
    }
    fillGroupBoxes(labels);
    recompute();
}

void AbPanel::compareRuns(const QString& labelA, std::vector<std::uint32_t> runsA, const QString& labelB,
    std::vector<std::uint32_t> runsB)
{
    m_extraLabels = { labelA, labelB };
    m_extraRuns = { std::move(runsA), std::move(runsB) };
    fillGroupBoxes(m_labels);
    const QSignalBlocker blockMode(m_mode), blockA(m_a), blockB(m_b);
    m_mode->setCurrentIndex(m_mode->findData(static_cast<int>(Mode::TwoGroups)));
    m_a->setCurrentIndex(static_cast<int>(m_labels.size()));
    m_b->setCurrentIndex(static_cast<int>(m_labels.size()) + 1);
    recompute();
}

bool AbPanel::choosePreviousValueBaseline(const QString& field)
{
    const int item = m_baselineGroup->findData(field, kPreviousFieldRole);
    if (item < 0)
        return false;
    const QSignalBlocker blockMode(m_mode), blockBaseline(m_baselineGroup);
    m_mode->setCurrentIndex(m_mode->findData(static_cast<int>(Mode::Baseline)));
    m_baselineGroup->setCurrentIndex(item);
    recompute();
    return true;
}

const std::vector<std::uint32_t>& AbPanel::pairRuns(int index) const
{
    const auto i = static_cast<std::size_t>(index);
    return i < m_groupRuns.size() ? m_groupRuns[i] : m_extraRuns[i - m_groupRuns.size()];
}

void AbPanel::addPreviousValueChoices()
{
    if (!m_data || m_groupRuns.empty())
        return;
    QStringList fields;
    for (int f = 0; f < m_data->fieldCount(); ++f) {
        if (f == TimingDataset::RegistrationId || f == TimingDataset::Timestamp)
            continue; // no history runs along these
        const FieldColumn& column = m_data->field(f);
        std::uint32_t first = 0;
        bool twoValues = false;
        for (const auto& runs : m_groupRuns) {
            for (const std::uint32_t run : runs) {
                const std::uint32_t code = column.code(run);
                if (code != 0 && first != 0 && code != first) {
                    twoValues = true;
                    break;
                }
                first = first == 0 ? code : first;
            }
            if (twoValues)
                break;
        }
        if (twoValues)
            fields << m_data->fieldName(f);
    }
    // The history's field first: what "previous" most often means.
    std::stable_partition(
        fields.begin(), fields.end(), [](const QString& f) { return f == QLatin1String("git_commit"); });
    if (fields.isEmpty())
        return;
    m_baselineGroup->insertSeparator(m_baselineGroup->count());
    for (const QString& field : fields) {
        m_baselineGroup->addItem(tr("previous value of %1").arg(field));
        m_baselineGroup->setItemData(m_baselineGroup->count() - 1, field, kPreviousFieldRole);
    }
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
    for (ElidingComboBox* box : { m_a, m_b })
        box->addItems(m_extraLabels);
    addPreviousValueChoices();
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
    const int keptBaseline = m_baselineGroup->findText(baseline);
    m_baselineGroup->setCurrentIndex(keptBaseline >= 0 ? keptBaseline : largestGroup);
}

QString AbPanel::whyNothingToCompare() const
{
    const bool previous = !m_baselineGroup->currentData(kPreviousFieldRole).toString().isEmpty();
    const bool baselineMode = mode() == Mode::Baseline;
    if (!m_data || m_metric < 0
        || (m_labels.size() + m_extraLabels.size() < 2 && !(baselineMode && previous)))
        return tr("Group the chart by a field with at least two values to compare them.");
    if (baselineMode)
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
    const QString previousOf = m_baselineGroup->currentData(kPreviousFieldRole).toString();
    const int previousField = baselineMode && !previousOf.isEmpty() ? m_data->fieldId(previousOf) : -1;
    const int baseline = baselineMode && previousField < 0 ? m_baselineGroup->currentIndex() : -1;
    const QStringList pairLabels = m_labels + m_extraLabels;
    std::vector<std::uint32_t> runsA = baselineMode ? std::vector<std::uint32_t>() : pairRuns(a);
    std::vector<std::uint32_t> runsB = baselineMode ? std::vector<std::uint32_t>() : pairRuns(b);
    m_job.start([data = m_data, groups = m_groupRuns, metric = m_metric, baselineMode, baseline,
                    previousField, labels = m_labels, labelA = pairLabels.value(a),
                    labelB = pairLabels.value(b), runsA = std::move(runsA), runsB = std::move(runsB),
                    statistic = statistic()](const std::atomic<bool>&) -> std::optional<Outcome> {
        Outcome outcome;
        if (previousField >= 0) {
            outcome.baseline = compareWithPrevious(*data, groups, labels, previousField, metric, statistic);
        } else if (baselineMode) {
            outcome.baseline = compareWithBaseline(*data, groups, labels, baseline, metric, statistic);
        } else {
            outcome.comparison = compareGroups(*data, runsA, runsB, metric, labelA, labelB, statistic);
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
    // The baseline is in the header; each row names its own only against previous values.
    m_baselineTable->setColumnHidden(BaselineComparisonModel::Against, m_baseline.previousOf.isEmpty());
    m_parts->resizeColumnsToContents();
    m_baselineTable->resizeColumnsToContents();
    m_summary->setText(summaryText());
    m_slowLabel->setText(slowText());
    emit compared();
}

} // namespace te
