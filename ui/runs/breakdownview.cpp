#include "ui/runs/breakdownview.h"

#include "data/timingdataset.h"
#include "models/breakdownmodel.h"
#include "stats/groupreference.h"
#include "ui/flame/flameview.h"
#include "ui/runs/sharebardelegate.h"
#include "util/durationformat.h"

#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>
#include <cmath>

namespace te {

BreakdownView::BreakdownView(QWidget* parent)
    : QWidget(parent)
    , m_model(new BreakdownModel(this))
    , m_stack(new QStackedWidget(this))
    , m_empty(new QLabel(this))
    , m_title(new QLabel(this))
    , m_acrossModels(new QPushButton(tr("Compare across models"), this))
    , m_copy(new QPushButton(tr("Copy as TSV"), this))
    , m_tree(new QTreeView(this))
    , m_flame(new FlameView(this))
    , m_views(new QStackedWidget(this))
    , m_viewButtons(new QButtonGroup(this))
{
    m_empty->setText(tr("Select a run to see where its time went.\n"
                        "Select two runs (Ctrl+click) to compare them node by node."));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false);
    m_title->setObjectName(QStringLiteral("breakdownTitle"));
    m_title->setTextFormat(Qt::RichText);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_acrossModels->setToolTip(tr("Show this registration's runs on every model side by side"));
    m_tree->setModel(m_model);
    auto* delegate = new ShareBarDelegate(m_tree);
    delegate->setRoles(BreakdownModel::ShareRole, BreakdownModel::HighlightRole);
    m_tree->setItemDelegate(delegate);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setAccessibleName(tr("Phase breakdown"));
    m_tree->setObjectName(QStringLiteral("breakdownTree"));
    m_tree->header()->setStretchLastSection(true);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_title, 1);
    buttons->addWidget(buildViewSwitch());
    buttons->addWidget(m_acrossModels);
    buttons->addWidget(m_copy);
    auto* page = new QWidget(this);
    auto* pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addLayout(buttons);
    m_views->addWidget(m_tree);
    m_views->addWidget(m_flame);
    restoreFlameShown();
    pageLayout->addWidget(m_views, 1);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(page);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 6);
    layout->addWidget(m_stack);

    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(toTsv()); });
    connect(m_acrossModels, &QPushButton::clicked, this, [this] {
        if (!m_runs.empty())
            compareAcrossModels(m_runs.front());
    });
}

BreakdownView::~BreakdownView() = default;

void BreakdownView::setData(
    std::shared_ptr<const TimingDataset> data, std::shared_ptr<const GroupReference> reference)
{
    m_data = std::move(data);
    m_reference = std::move(reference);
}

void BreakdownView::showRuns(std::vector<std::uint32_t> runs)
{
    m_runs = std::move(runs);
    m_model->setRuns(m_data, m_runs, m_reference);
    m_stack->setCurrentIndex(m_runs.empty() ? 0 : 1);
    if (m_runs.empty())
        return;
    m_tree->expandAll();
    for (int c = 0; c < m_model->columnCount(); ++c)
        m_tree->resizeColumnToContents(c);
    m_tree->setColumnWidth(0, std::max(m_tree->columnWidth(0) + 16, 200));
    for (int c = 1; c < m_model->columnCount(); ++c)
        m_tree->setColumnWidth(c, std::max(m_tree->columnWidth(c) + 12, 70));
    updateHeader();
    updateFlame();
}

void BreakdownView::compareAcrossModels(std::uint32_t run)
{
    if (!m_data)
        return;
    const FieldColumn& ids = m_data->field(TimingDataset::RegistrationId);
    const std::uint32_t id = ids.code(run);
    if (id == 0)
        return;
    std::vector<std::uint32_t> runs { run };
    for (std::uint32_t other = 0; other < m_data->runCount(); ++other) {
        if (other != run && ids.code(other) == id)
            runs.push_back(other);
    }
    showRuns(std::move(runs));
}

void BreakdownView::updateHeader()
{
    const std::uint32_t run = m_runs.front();
    const QString id = m_data->fieldValue(run, TimingDataset::RegistrationId);
    m_acrossModels->setEnabled(!id.isEmpty());
    if (m_runs.size() > 1) {
        m_title->setText(tr("<b>Comparing %1 runs</b> — Δ and × are against the first (%2)")
                             .arg(m_runs.size())
                             .arg(m_model->runLabels().value(0).toHtmlEscaped()));
        return;
    }
    QStringList facts;
    for (const int field :
        { int(TimingDataset::Model), int(TimingDataset::Constellation), int(TimingDataset::Timestamp) }) {
        const QString value = m_data->fieldValue(run, field);
        if (!value.isEmpty())
            facts << value.toHtmlEscaped();
    }
    facts << tr("line %1 of %2")
                 .arg(m_data->line(run))
                 .arg(m_data->fieldValue(run, TimingDataset::Source).toHtmlEscaped());
    QString comparison;
    if (m_reference) {
        const double ratio = m_reference->ratioToMedian(*m_data, run, TimingDataset::kRootMetric);
        const int group = m_reference->groupOf(run);
        if (!std::isnan(ratio) && group >= 0) {
            comparison = tr("<br>Total %1 — <b>×%2</b> the median of %3 (%4, n=%5)")
                             .arg(formatDuration(m_data->value(run, TimingDataset::kRootMetric)))
                             .arg(ratio, 0, 'f', 2)
                             .arg(m_reference->label(group).toHtmlEscaped())
                             .arg(formatDuration(m_reference->median(group, TimingDataset::kRootMetric)))
                             .arg(m_reference->count(group, TimingDataset::kRootMetric));
        }
    }
    m_title->setText(QStringLiteral("<b>%1</b> · %2%3")
                         .arg(id.isEmpty() ? tr("(no registration_id)") : id.toHtmlEscaped(),
                             facts.join(QStringLiteral(" · ")), comparison));
}

QString BreakdownView::toTsv() const
{
    return m_runs.empty() ? QString() : m_model->toTsv();
}

} // namespace te
