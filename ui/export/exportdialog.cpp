#include "ui/export/exportdialog.h"

#include "data/timingdataset.h"
#include "export/exportcolumns.h"
#include "ui/export/csvexportrunner.h"
#include "ui/export/exportcolumnseditor.h"
#include "ui/export/exportscopebox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace te {

namespace {
constexpr int kPreviewRows = 20;
const QString kSettingsGroup = QStringLiteral("export");
const QString kColumnsKey = QStringLiteral("columns");
const QString kSummaryPreset = QStringLiteral("summary");

/// An item of a combo box bound to a request field: `value` is what the field gets.
template <typename T> void addChoice(QComboBox* combo, const QString& label, const T& value)
{
    combo->addItem(label, exportValue(value));
}
} // namespace

ExportDialog::ExportDialog(std::shared_ptr<const TimingDataset> data,
    std::shared_ptr<const GroupReference> reference, Scope scope, QStringList loadedFiles, QWidget* parent)
    : QDialog(parent)
    , m_data(std::move(data))
    , m_reference(std::move(reference))
    , m_loadedFiles(std::move(loadedFiles))
    , m_scope(new ExportScopeBox(std::move(scope), this))
{
    setWindowTitle(tr("Export Summary"));
    auto* choices = new QVBoxLayout;
    choices->addWidget(m_scope);
    choices->addWidget(buildRowsAndColumnsSection(), 1);
    choices->addWidget(buildFormatSection());
    QVBoxLayout* preview = buildPreviewSection();
    QDialogButtonBox* buttons = buildButtons();
    preview->addLayout(buildProgressRow());
    auto* columns = new QHBoxLayout;
    columns->addLayout(choices, 2);
    columns->addLayout(preview, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);
    resize(1180, 720);

    bindSettings();
    connectChoices();
    restoreSettings();
    updatePreview();
}

ExportDialog::~ExportDialog() = default;

QGroupBox* ExportDialog::buildRowsAndColumnsSection()
{
    auto* box = new QGroupBox(tr("Rows and columns"), this);
    auto* form = new QFormLayout(box);
    m_layout = new QComboBox(box);
    addChoice(m_layout, tr("One row per run"), CsvExportRequest::Layout::PerRun);
    addChoice(m_layout, tr("One row per group"), CsvExportRequest::Layout::PerGroup);
    addChoice(m_layout, tr("Long: one row per run and node"), CsvExportRequest::Layout::Long);
    form->addRow(tr("Layout:"), m_layout);
    m_columns = new ExportColumnsEditor(m_data, box);
    m_columns->addRows(form);
    m_groupBy = new QComboBox(box);
    m_groupBy->addItem(tr("(all runs)")); // no field: one group of every run
    for (const QString& field : m_data->fieldNames())
        m_groupBy->addItem(field, field);
    m_groupBy->setCurrentIndex(std::max(0, m_groupBy->findData(QStringLiteral("model"))));
    form->addRow(tr("Group by:"), m_groupBy);
    m_statistics = new QListWidget(box);
    for (const QString& statistic : csvStatisticNames())
        (new QListWidgetItem(statistic, m_statistics))->setCheckState(Qt::Checked);
    m_statistics->setFlow(QListView::LeftToRight);
    m_statistics->setWrapping(true);
    m_statistics->setResizeMode(QListView::Adjust);
    m_statistics->setMaximumHeight(m_statistics->sizeHintForRow(0) * 3 + 8);
    form->addRow(tr("Statistics:"), m_statistics);
    return box;
}

QGroupBox* ExportDialog::buildFormatSection()
{
    auto* box = new QGroupBox(tr("Format"), this);
    m_headers = new QComboBox(box);
    addChoice(m_headers, tr("Machine (phase1_agent_conversation_seconds)"), CsvFormat::Headers::Machine);
    addChoice(m_headers, tr("Readable (Phase 1 · agent conversation (s))"), CsvFormat::Headers::Readable);
    m_decimal = new QComboBox(box);
    addChoice(m_decimal, tr("Point (12.5)"), QChar(u'.'));
    addChoice(m_decimal, tr("Comma (12,5)"), QChar(u','));
    m_precision = new QSpinBox(box);
    m_precision->setRange(0, 12);
    m_unit = new QComboBox(box);
    addChoice(m_unit, tr("Seconds"), false);
    addChoice(m_unit, tr("Milliseconds"), true);
    m_delimiter = new QComboBox(box);
    addChoice(m_delimiter, tr("Comma ,"), QChar(u','));
    addChoice(m_delimiter, tr("Semicolon ;"), QChar(u';'));
    addChoice(m_delimiter, tr("Tab"), QChar(u'\t'));
    m_delimiter->setAccessibleName(tr("Delimiter"));
    m_bom = new QCheckBox(tr("UTF-8 BOM (Excel needs it to read UTF-8)"), box);
    m_crlf = new QCheckBox(tr("Windows line ends (CRLF)"), box);
    m_timestamps = new QComboBox(box);
    addChoice(m_timestamps, tr("ISO 8601 (2025-01-14T10:30:00.123Z)"), CsvFormat::Timestamps::Iso);
    addChoice(m_timestamps, tr("Excel (2025-01-14 10:30:00)"), CsvFormat::Timestamps::Excel);
    m_guard = new QCheckBox(
        tr("Guard against formulas (a text cell starting with = + - @ gets a leading ')"), box);
    auto* form = new QFormLayout(box);
    form->addRow(tr("Headers:"), m_headers);
    form->addRow(tr("Decimal separator:"), m_decimal);
    form->addRow(tr("Decimals:"), m_precision);
    form->addRow(tr("Unit:"), m_unit);
    form->addRow(tr("Delimiter:"), m_delimiter);
    form->addRow(tr("Timestamps:"), m_timestamps);
    form->addRow(m_bom);
    form->addRow(m_crlf);
    form->addRow(m_guard);
    return box;
}

QVBoxLayout* ExportDialog::buildPreviewSection()
{
    m_preview = new QPlainTextEdit(this);
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setAccessibleName(tr("Preview"));
    m_preview->setObjectName(QStringLiteral("exportPreview"));
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    auto* layout = new QVBoxLayout;
    layout->addWidget(
        new QLabel(tr("Preview: the first %1 rows exactly as written").arg(kPreviewRows), this));
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_status);
    return layout;
}

QDialogButtonBox* ExportDialog::buildButtons()
{
    auto* box = new QDialogButtonBox(this);
    m_exportButton = box->addButton(tr("Export…"), QDialogButtonBox::AcceptRole);
    m_besideInput = box->addButton(tr("Write Summary CSV Next to the JSONL"), QDialogButtonBox::ActionRole);
    const QString besideInput = summaryPathBesideInput();
    m_besideInput->setEnabled(!besideInput.isEmpty());
    m_besideInput->setToolTip(besideInput.isEmpty()
            ? tr("Open one JSON Lines file to write its summary CSV next to it")
            : tr("Writes the Summary preset of all runs to %1").arg(besideInput));
    box->addButton(QDialogButtonBox::Close);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_exportButton, &QPushButton::clicked, this, &ExportDialog::chooseFile);
    connect(m_besideInput, &QPushButton::clicked, this, &ExportDialog::writeSummaryBesideInput);
    return box;
}

QHBoxLayout* ExportDialog::buildProgressRow()
{
    m_cancelExport = new QPushButton(tr("Cancel Export"), this);
    m_cancelExport->setVisible(false);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setVisible(false);
    connect(m_cancelExport, &QPushButton::clicked, &m_runner, &CsvExportRunner::cancel);
    connect(&m_runner, &CsvExportRunner::progress, m_progress, &QProgressBar::setValue);
    connect(&m_runner, &CsvExportRunner::finished, this, &ExportDialog::exportDone);
    auto* row = new QHBoxLayout;
    row->addWidget(m_progress, 1);
    row->addWidget(m_cancelExport);
    return row;
}

void ExportDialog::bindSettings()
{
    // Restored in this order: the decimal separator before the delimiter it suggests.
    m_settings = ExportSettings({
        exportSetting(QStringLiteral("layout"), m_layout, &CsvExportRequest::layout),
        exportSetting(QStringLiteral("headers"), m_headers, &CsvFormat::headers),
        exportSetting(QStringLiteral("decimal"), m_decimal, &CsvFormat::decimal),
        exportSetting(QStringLiteral("precision"), m_precision, &CsvFormat::precision),
        exportSetting(QStringLiteral("unit"), m_unit, &CsvFormat::milliseconds),
        exportSetting(QStringLiteral("delimiter"), m_delimiter, &CsvFormat::delimiter),
        exportSetting(QStringLiteral("bom"), m_bom, &CsvFormat::bom),
        exportSetting(QStringLiteral("crlf"), m_crlf, &CsvFormat::crlf),
        exportSetting(QStringLiteral("timestamps"), m_timestamps, &CsvFormat::timestamps),
        exportSetting(QStringLiteral("guard"), m_guard, &CsvFormat::injectionGuard),
    });
    m_settings.show(CsvExportRequest {}); // the defaults are the engine's
}

void ExportDialog::connectChoices()
{
    connect(m_layout, &QComboBox::currentIndexChanged, this, &ExportDialog::enableForLayout);
    enableForLayout();
    // Excel in comma-decimal locales splits on ';': suggest it with the comma.
    connect(m_decimal, &QComboBox::currentIndexChanged, this, [this] {
        const QVariant comma = exportValue(QChar(u','));
        if (m_decimal->currentData() == comma && m_delimiter->currentData() == comma)
            m_delimiter->setCurrentIndex(m_delimiter->findData(exportValue(QChar(u';'))));
    });
    m_settings.onChange(this, [this] { updatePreview(); });
    connect(m_columns, &ExportColumnsEditor::changed, this, &ExportDialog::updatePreview);
    connect(m_groupBy, &QComboBox::currentIndexChanged, this, &ExportDialog::updatePreview);
    connect(m_scope, &ExportScopeBox::changed, this, &ExportDialog::updatePreview);
    connect(m_statistics, &QListWidget::itemChanged, this, &ExportDialog::updatePreview);
}

CsvExportRequest::Layout ExportDialog::chosenLayout() const
{
    return fromExportValue<CsvExportRequest::Layout>(m_layout->currentData());
}

// Only what the layout uses is enabled: per group, the columns' times are the metrics.
void ExportDialog::enableForLayout()
{
    const bool perGroup = chosenLayout() == CsvExportRequest::Layout::PerGroup;
    m_groupBy->setEnabled(perGroup);
    m_statistics->setEnabled(perGroup);
    m_columns->setPresetEnabled(chosenLayout() == CsvExportRequest::Layout::PerRun);
}

std::vector<std::uint32_t> ExportDialog::scopeRuns() const
{
    return m_scope->runs();
}

std::optional<CsvExportRequest> ExportDialog::request(QString* error) const
{
    CsvExportRequest request;
    m_settings.fill(request);
    request.columns = m_columns->columns();
    for (const RunColumn& column : request.columns) {
        if (column.kind == RunColumn::Kind::Metric)
            request.metrics << column.key;
    }
    if (const QString field = m_groupBy->currentData().toString(); !field.isEmpty())
        request.groupBy << field;
    for (int i = 0; i < m_statistics->count(); ++i) {
        if (m_statistics->item(i)->checkState() == Qt::Checked)
            request.statistics << m_statistics->item(i)->text();
    }
    QString problem = request.format.validate();
    if (request.layout == CsvExportRequest::Layout::PerRun && request.columns.empty())
        problem = tr("Choose at least one column, or a preset.");
    if (problem.isEmpty())
        return request;
    if (error)
        *error = problem;
    return std::nullopt;
}

void ExportDialog::updatePreview()
{
    QString error;
    const auto req = request(&error);
    std::optional<CsvExporter> exporter;
    if (req) {
        // The preview never needs more than its rows: export the first ones only.
        std::vector<std::uint32_t> runs = scopeRuns();
        if (req->layout == CsvExportRequest::Layout::PerRun && runs.size() > kPreviewRows)
            runs.resize(kPreviewRows);
        exporter = CsvExporter::create(m_data, std::move(runs), *req, &error, m_reference);
    }
    if (!exporter) {
        m_previewBytes.clear();
        m_preview->setPlainText(QString());
        m_status->setText(error);
        return;
    }
    m_previewBytes = exporter->preview(kPreviewRows);
    QString text = QString::fromUtf8(m_previewBytes);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1); // the BOM is written, but shown by the checkbox, not as a glyph
    m_preview->setPlainText(text);
    m_status->setText(tr("%L1 runs in scope.").arg(scopeRuns().size()));
}

QString ExportDialog::summaryPathBesideInput() const
{
    if (m_loadedFiles.size() != 1 || m_loadedFiles.front().startsWith(u':'))
        return {};
    const QFileInfo input(m_loadedFiles.front());
    if (input.suffix().compare(QStringLiteral("jsonl"), Qt::CaseInsensitive) != 0)
        return {};
    QString stem = input.completeBaseName();
    if (stem.endsWith(QStringLiteral("_detailed")))
        stem.chop(9);
    return input.dir().filePath(stem + QStringLiteral("_summary.csv"));
}

void ExportDialog::writeSummaryBesideInput()
{
    m_scope->chooseAllRuns();
    m_layout->setCurrentIndex(m_layout->findData(exportValue(CsvExportRequest::Layout::PerRun)));
    m_columns->applyPreset(kSummaryPreset);
    startExport(summaryPathBesideInput());
}

void ExportDialog::chooseFile()
{
    QSettings settings;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Summary"),
        settings.value(QStringLiteral("export/lastPath"), QStringLiteral("summary.csv")).toString(),
        tr("CSV (*.csv);;Tab-separated (*.tsv *.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("export/lastPath"), path);
    startExport(path);
}

void ExportDialog::startExport(const QString& path)
{
    if (m_runner.isRunning())
        return;
    m_exportPath = path;
    QString message;
    const auto req = request(&message);
    auto exporter
        = req ? CsvExporter::create(m_data, scopeRuns(), *req, &message, m_reference) : std::nullopt;
    if (!exporter) {
        m_status->setText(message);
        emit exportFinished(false, path, message);
        return;
    }
    m_progress->setValue(0);
    showExportRunning(true);
    m_status->setText(tr("Exporting to %1…").arg(path));
    m_runner.start(std::move(*exporter), path, m_loadedFiles);
}

void ExportDialog::showExportRunning(bool running)
{
    m_progress->setVisible(running);
    m_cancelExport->setVisible(running);
    m_exportButton->setEnabled(!running);
    m_besideInput->setEnabled(!running && !summaryPathBesideInput().isEmpty());
}

void ExportDialog::exportDone(bool ok, const QString& message)
{
    showExportRunning(false);
    if (ok) {
        saveSettings();
        m_status->setText(tr("Wrote %1").arg(m_exportPath));
    } else {
        m_status->setText(message);
        if (!m_runner.wasCancelled() && isVisible()) // a cancel the user asked for needs no box
            QMessageBox::warning(this, tr("Export Summary"), message);
    }
    emit exportFinished(ok, m_exportPath, message);
}

void ExportDialog::done(int result)
{
    saveSettings();
    QDialog::done(result);
}

void ExportDialog::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(kSettingsGroup);
    settings.setValue(kColumnsKey, m_columns->columnIds());
    m_settings.save(settings);
}

void ExportDialog::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(kSettingsGroup);
    const QStringList ids = settings.value(kColumnsKey).toStringList();
    if (ids.isEmpty())
        m_columns->applyPreset(kSummaryPreset);
    else
        m_columns->setColumnIds(ids);
    m_settings.restore(settings);
}

} // namespace te
