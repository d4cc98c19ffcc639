#include "ui/charts/groupflamespanel.h"

#include "data/timingdataset.h"
#include "export/safewrite.h"
#include "ui/flame/flamegraphwidget.h"
#include "ui/flame/flamerender.h"
#include "ui/flame/flameview.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSettings>
#include <QVBoxLayout>

namespace te {

namespace {
const QString kMediansKey = QStringLiteral("charts/flameMedians");
} // namespace

GroupFlamesPanel::GroupFlamesPanel(QWidget* parent)
    : QWidget(parent)
    , m_medians(new QCheckBox(tr("Median tree"), this))
    , m_search(new QLineEdit(this))
    , m_hint(new QLabel(tr("Click a node to zoom into it, Escape to zoom out; right-click for its slowest "
                           "runs or to copy a graph as TSV."),
          this))
    , m_status(new QLabel(this))
    , m_scroll(new QScrollArea(this))
    , m_job(this, [this](GroupFlames flames) { show(std::move(flames)); })
{
    setObjectName(QStringLiteral("groupFlames"));
    m_medians->setObjectName(QStringLiteral("flameMedians"));
    m_medians->setToolTip(tr("Each node's median over the runs that have it, instead of its mean: typical "
                             "values, but parts need not add up to their whole"));
    m_medians->setChecked(QSettings().value(kMediansKey, false).toBool());
    m_status->setObjectName(QStringLiteral("flameStatus"));
    m_status->setWordWrap(true);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_search->setObjectName(QStringLiteral("flamesSearch"));
    m_search->setPlaceholderText(tr("Search nodes"));
    m_search->setAccessibleName(tr("Search the groups' flame graphs"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(220);
    m_hint->setEnabled(false); // a hint, in the palette's disabled text
    m_hint->setWordWrap(true);
    auto* top = new QHBoxLayout;
    top->addWidget(m_status, 1);
    top->addWidget(m_medians);
    top->addWidget(m_search);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_scroll, 1);
    layout->addWidget(m_hint);
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        for (FlameView* view : m_views)
            view->searchField()->setText(text);
    });
    connect(m_medians, &QCheckBox::toggled, this, [this](bool on) {
        QSettings().setValue(kMediansKey, on);
        recompute();
    });
}

GroupFlamesPanel::~GroupFlamesPanel() = default;

bool GroupFlamesPanel::showsMedians() const
{
    return m_medians->isChecked();
}

void GroupFlamesPanel::compute(
    std::shared_ptr<const TimingDataset> data, std::vector<std::uint32_t> runs, QStringList groupBy)
{
    m_data = std::move(data);
    m_runs = std::move(runs);
    m_groupBy = std::move(groupBy);
    recompute();
}

void GroupFlamesPanel::clear()
{
    m_job.cancel();
    m_data.reset();
    m_runs.clear();
    show({});
}

void GroupFlamesPanel::recompute()
{
    if (!m_data)
        return;
    m_status->setText(tr("Computing…"));
    const FlameSummary summary = showsMedians() ? FlameSummary::Median : FlameSummary::Mean;
    m_job.start([data = m_data, runs = m_runs, groupBy = m_groupBy, summary](
                    const std::atomic<bool>&) { return computeGroupFlames(*data, runs, groupBy, summary); });
}

QString GroupFlamesPanel::captionOf(const GroupFlame& group) const
{
    return flameGroupTitle(group.label, group.n, group.root.seconds, showsMedians()).toHtmlEscaped();
}

void GroupFlamesPanel::show(GroupFlames flames)
{
    m_flames = std::move(flames);
    auto* list = new QWidget;
    m_list = new QVBoxLayout(list);
    m_list->setContentsMargins(0, 0, 4, 0);
    m_list->setSpacing(10);
    m_views.clear();
    double largest = 0;
    for (const GroupFlame& group : m_flames.groups)
        largest = std::max(largest, group.root.seconds);
    for (const GroupFlame& group : m_flames.groups) {
        auto* view = new FlameView(list);
        view->setData(FlameGraphData::fromTree(group.root, showsMedians()), captionOf(group));
        view->graph()->setFullWidthSeconds(largest);
        view->setSearchAndHintShown(false);
        view->searchField()->setText(m_search->text());
        const std::vector<std::uint32_t>* runs = &group.runs;
        connect(view, &FlameView::slowestRunsRequested, this, [this, runs](const QString& path) {
            const int metric = m_data ? m_data->metricId(path) : -1;
            if (metric < 0)
                return;
            std::vector<std::uint32_t> withNode;
            for (const std::uint32_t run : *runs) {
                if (m_data->values(metric).has(run))
                    withNode.push_back(run);
            }
            emit slowestRunsRequested(path, withNode);
        });
        m_list->addWidget(view);
        m_views.push_back(view);
    }
    m_list->addStretch(1);
    m_scroll->setWidget(list); // deletes the previous list and its views
    QString status = m_flames.error;
    if (status.isEmpty() && m_flames.groups.empty())
        status = m_data ? tr("No runs to draw.") : QString();
    else if (status.isEmpty())
        status = tr("One flame graph per group, on one scale: a node's width is its seconds.")
            + (m_flames.omittedGroups > 0
                    ? tr(" The %1 largest groups are drawn; %2 smaller ones are left out.")
                          .arg(m_flames.groups.size())
                          .arg(m_flames.omittedGroups)
                    : QString());
    m_status->setText(status);
    emit flamesShown();
}

bool GroupFlamesPanel::exportTo(const QString& path, QSize size, QString* error) const
{
    std::vector<FlamePicture> pictures;
    for (const GroupFlame& group : m_flames.groups) {
        pictures.push_back({ flameGroupTitle(group.label, group.n, group.root.seconds, showsMedians()),
            FlameGraphData::fromTree(group.root, showsMedians()) });
    }
    return writeSafely(
        path, {},
        [&](QIODevice& device, QString* reason) {
            return renderFlamePictures(pictures, device, pictureFormatOf(path), size, reason);
        },
        error);
}

} // namespace te
