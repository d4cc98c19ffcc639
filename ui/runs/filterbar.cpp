#include "ui/runs/filterbar.h"

#include "data/timingdataset.h"
#include "ui/widgets/appearance.h"
#include "ui/widgets/multiselectbutton.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWidgetAction>
#include <cmath>

namespace te {

namespace {

QStringList distinctValues(const TimingDataset& data, int field)
{
    QStringList values;
    const FieldColumn& column = data.field(field);
    for (std::uint32_t code = 1; code < column.dictionary().size(); ++code)
        values << column.text(code);
    values.sort(Qt::CaseInsensitive);
    return values;
}

// A spin box where 0 means "no limit", shown as such.
QDoubleSpinBox* secondsBox(const QString& noLimitText)
{
    auto* box = new QDoubleSpinBox;
    box->setRange(0, 1e7);
    box->setDecimals(2);
    box->setSuffix(QStringLiteral(" s"));
    box->setSpecialValueText(noLimitText);
    box->setAccelerated(true);
    return box;
}

// A tool button that opens `panel` (a small form) as its popup.
void attachPopup(QToolButton* button, QWidget* panel)
{
    auto* menu = new QMenu(button);
    auto* action = new QWidgetAction(menu);
    action->setDefaultWidget(panel);
    menu->addAction(action);
    button->setMenu(menu);
}

} // namespace

QString FilterBar::expressionsHelp()
{
    return tr("The same expressions as the command line's --filter, separated by ';':\n"
              "FIELD=VALUE, FIELD!=VALUE, FIELD~REGEX, METRIC>N, <, >=, <= (N in s, ms or min)");
}

FilterBar::FilterBar(QWidget* parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_models(new MultiSelectButton(tr("Models"), this))
    , m_constellations(new MultiSelectButton(tr("Constellations"), this))
    , m_rangeMetric(new QComboBox)
    , m_minSeconds(secondsBox(tr("no minimum")))
    , m_maxSeconds(secondsBox(tr("no maximum")))
    , m_useFrom(new QCheckBox(tr("From")))
    , m_useTo(new QCheckBox(tr("To")))
    , m_from(new QDateTimeEdit)
    , m_to(new QDateTimeEdit)
    , m_rangeButton(new QToolButton(this))
    , m_timeButton(new QToolButton(this))
    , m_onlyProblems(new QCheckBox(tr("Only problem runs"), this))
    , m_expressions(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    m_search->setPlaceholderText(tr("Search registration, model, any metadata…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search runs"));
    m_expressions->setPlaceholderText(tr("Expressions, e.g. total>60; phase1/agent_conversation>=30s"));
    m_expressions->setClearButtonEnabled(true);
    m_expressions->setAccessibleName(tr("Filter expressions"));
    m_expressions->setToolTip(expressionsHelp());
    m_onlyProblems->setToolTip(tr("Only runs with a data warning (duplicates, missing registration_id, …)"));
    buildRangeMenu(m_rangeButton);
    buildTimeMenu(m_timeButton);

    m_error->setObjectName(QStringLiteral("filterError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    auto* rows = new QVBoxLayout(this);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(2);
    auto* layout = new QHBoxLayout;
    rows->addLayout(layout);
    rows->addWidget(m_error);
    layout->addWidget(m_search, 3);
    layout->addWidget(m_models);
    layout->addWidget(m_constellations);
    layout->addWidget(m_rangeButton);
    layout->addWidget(m_timeButton);
    layout->addWidget(m_onlyProblems);
    layout->addWidget(m_expressions, 4);

    connect(m_search, &QLineEdit::textChanged, this, &FilterBar::changed);
    connect(m_expressions, &QLineEdit::textChanged, this, &FilterBar::changed);
    connect(m_models, &MultiSelectButton::selectionChanged, this, &FilterBar::changed);
    connect(m_constellations, &MultiSelectButton::selectionChanged, this, &FilterBar::changed);
    connect(m_onlyProblems, &QCheckBox::toggled, this, &FilterBar::changed);
}

void FilterBar::buildRangeMenu(QToolButton* button)
{
    button->setText(tr("Duration"));
    button->setPopupMode(QToolButton::InstantPopup);
    button->setAccessibleName(tr("Duration range"));
    auto* panel = new QWidget;
    auto* form = new QFormLayout(panel);
    form->addRow(tr("Metric"), m_rangeMetric);
    form->addRow(tr("At least"), m_minSeconds);
    form->addRow(tr("At most"), m_maxSeconds);
    attachPopup(button, panel);
    const auto update = [this] {
        const bool active = m_minSeconds->value() > 0 || m_maxSeconds->value() > 0;
        m_rangeButton->setText(
            active ? tr("Duration: %1").arg(m_rangeMetric->currentText()) : tr("Duration"));
        emit changed();
    };
    connect(m_rangeMetric, &QComboBox::currentIndexChanged, this, update);
    connect(m_minSeconds, &QDoubleSpinBox::valueChanged, this, update);
    connect(m_maxSeconds, &QDoubleSpinBox::valueChanged, this, update);
}

void FilterBar::buildTimeMenu(QToolButton* button)
{
    button->setText(tr("Time"));
    button->setPopupMode(QToolButton::InstantPopup);
    button->setAccessibleName(tr("Time range"));
    for (QDateTimeEdit* edit : { m_from, m_to }) {
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setCalendarPopup(true);
        edit->setTimeSpec(Qt::UTC);
        edit->setEnabled(false);
    }
    connect(m_useFrom, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_useTo, &QCheckBox::toggled, m_to, &QWidget::setEnabled);
    auto* panel = new QWidget;
    auto* form = new QFormLayout(panel);
    form->addRow(m_useFrom, m_from);
    form->addRow(m_useTo, m_to);
    attachPopup(button, panel);
    const auto update = [this] {
        m_timeButton->setText(
            m_useFrom->isChecked() || m_useTo->isChecked() ? tr("Time: range (UTC)") : tr("Time"));
        emit changed();
    };
    for (QCheckBox* box : { m_useFrom, m_useTo })
        connect(box, &QCheckBox::toggled, this, update);
    for (QDateTimeEdit* edit : { m_from, m_to })
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, update);
}

void FilterBar::setDataset(const TimingDataset* data)
{
    // Not a user's change: the caller applies the query for the new dataset itself.
    // A `changed` from here would re-filter the runs view while its model still
    // holds the previous dataset.
    const QSignalBlocker quiet(this);
    m_data = data;
    if (!data)
        return;
    m_models->setValues(distinctValues(*data, TimingDataset::Model));
    m_constellations->setValues(distinctValues(*data, TimingDataset::Constellation));
    const QString metric = m_rangeMetric->currentText();
    const QSignalBlocker blocker(m_rangeMetric);
    m_rangeMetric->clear();
    m_rangeMetric->addItems(data->metricPaths());
    m_rangeMetric->setCurrentIndex(std::max(0, m_rangeMetric->findText(metric)));
    // Offer the dataset's own time span as the default range.
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = std::numeric_limits<qint64>::min();
    for (std::uint32_t run = 0; run < data->runCount(); ++run) {
        const qint64 ms = data->timestampMs(run);
        if (ms != TimingDataset::kNoTimestamp) {
            first = std::min(first, ms);
            last = std::max(last, ms);
        }
    }
    if (first <= last && !m_useFrom->isChecked() && !m_useTo->isChecked()) {
        m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(first, QTimeZone::utc()));
        m_to->setDateTime(QDateTime::fromMSecsSinceEpoch(last + 60000, QTimeZone::utc()));
    }
}

RunQuery FilterBar::query(QString* error) const
{
    RunQuery query;
    query.text = m_search->text();
    if (const auto models = m_models->checkedValues(); !models.isEmpty())
        query.allowedValues[TimingDataset::Model] = models;
    if (const auto constellations = m_constellations->checkedValues(); !constellations.isEmpty())
        query.allowedValues[TimingDataset::Constellation] = constellations;
    if (m_data)
        query.rangeMetric = std::max(0, m_data->metricId(m_rangeMetric->currentText()));
    if (m_minSeconds->value() > 0)
        query.minSeconds = m_minSeconds->value();
    if (m_maxSeconds->value() > 0)
        query.maxSeconds = m_maxSeconds->value();
    if (m_useFrom->isChecked())
        query.fromMs = m_from->dateTime().toMSecsSinceEpoch();
    if (m_useTo->isChecked())
        query.toMs = m_to->dateTime().toMSecsSinceEpoch();
    query.onlyProblems = m_onlyProblems->isChecked();
    QStringList errors;
    if (m_data) {
        for (const QString& expression : m_expressions->text().split(u';', Qt::SkipEmptyParts)) {
            if (expression.trimmed().isEmpty())
                continue;
            QString message;
            if (auto filter = RunFilter::parse(expression.trimmed(), *m_data, &message))
                query.expressions.push_back(std::move(*filter));
            else
                errors << message;
        }
    }
    showErrors(errors.join(u'\n'));
    if (error)
        *error = errors.join(u'\n');
    return query;
}

void FilterBar::showErrors(const QString& errors) const
{
    m_expressions->setToolTip(errors.isEmpty() ? expressionsHelp() : errors);
    m_error->setText(errors.isEmpty() ? QString() : tr("Not applied: %1").arg(errors));
    m_error->setAccessibleName(m_error->text());
    m_error->setHidden(errors.isEmpty());
    applyErrorColor();
}

// The message's red follows the palette, so it keeps its contrast in either scheme.
void FilterBar::applyErrorColor() const
{
    const QColor color = errorTextColor(palette());
    m_expressions->setStyleSheet(
        m_error->isHidden() ? QString() : QStringLiteral("QLineEdit { color: %1; }").arg(color.name()));
    QPalette labelPalette = m_error->palette();
    labelPalette.setColor(QPalette::WindowText, color);
    m_error->setPalette(labelPalette);
}

void FilterBar::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyErrorColor();
}

void FilterBar::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void FilterBar::clear()
{
    m_search->clear();
    m_expressions->clear();
    m_models->setCheckedValues({});
    m_constellations->setCheckedValues({});
    m_minSeconds->setValue(0);
    m_maxSeconds->setValue(0);
    m_useFrom->setChecked(false);
    m_useTo->setChecked(false);
    m_onlyProblems->setChecked(false);
}

} // namespace te
