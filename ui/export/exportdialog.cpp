#include "ui/export/exportdialog.h"

#include "export/exportcolumns.h"
#include "export/csvfilewriter.h"
#include "data/timingdataset.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace te {

namespace {
constexpr int kPreviewRows = 20;
const QString kPresetsKey = QStringLiteral("export/userPresets");

QString columnLabel(const RunColumn& column)
{
    switch (column.kind) {
    case RunColumn::Kind::Field:
        return column.key;
    case RunColumn::Kind::Metric:
        return QObject::tr("%1 (seconds)").arg(column.key);
    case RunColumn::Kind::RatioToMedian:
        return QObject::tr("× group median");
    case RunColumn::Kind::Line:
        return QObject::tr("line");
    }
    return {};
}

QListWidgetItem* columnItem(const RunColumn& column)
{
    auto* item = new QListWidgetItem(columnLabel(column));
    item->setData(Qt::UserRole, column.id());
    return item;
}
} // namespace

ExportDialog::ExportDialog(std::shared_ptr<const TimingDataset> data,
    std::shared_ptr<const GroupReference> reference, Scope scope, QStringList loadedFiles, QWidget* parent)
    : QDialog(parent)
    , m_data(std::move(data))
    , m_reference(std::move(reference))
    , m_scope(std::move(scope))
    , m_loadedFiles(std::move(loadedFiles))
{
    setWindowTitle(tr("Export Summary"));
    buildUi();
    restoreSettings();
    updatePreview();
}

ExportDialog::~ExportDialog()
{
    m_cancel = true;
    m_export.waitForFinished();
}

void ExportDialog::buildUi()
{
    // Scope
    auto* scopeBox = new QGroupBox(tr("Runs"), this);
    auto* scopeLayout = new QVBoxLayout(scopeBox);
    m_scopeGroup = new QButtonGroup(this);
    const std::pair<QString, std::size_t> scopes[] = { { tr("All runs (%L1)"), m_scope.all.size() },
        { tr("The current filter (%L1)"), m_scope.filtered.size() },
        { tr("The selected runs (%L1)"), m_scope.selected.size() } };
    for (int i = 0; i < 3; ++i) {
        auto* radio = new QRadioButton(scopes[i].first.arg(scopes[i].second), scopeBox);
        radio->setEnabled(scopes[i].second > 0);
        m_scopeGroup->addButton(radio, i);
        scopeLayout->addWidget(radio);
    }
    m_scopeGroup->button(m_scope.filtered.size() < m_scope.all.size() ? 1 : 0)->setChecked(true);

    // Layout and columns
    auto* shape = new QGroupBox(tr("Rows and columns"), this);
    auto* shapeForm = new QFormLayout(shape);
    m_layout = new QComboBox(shape);
    m_layout->addItems(
        { tr("One row per run"), tr("One row per group"), tr("Long: one row per run and node") });
    shapeForm->addRow(tr("Layout:"), m_layout);
    m_preset = new QComboBox(shape);
    m_preset->setAccessibleName(tr("Column preset"));
    m_preset->addItem(tr("Summary (registration_id, total, model, timestamp)"), QStringLiteral("summary"));
    m_preset->addItem(tr("Phase totals"), QStringLiteral("phases"));
    m_preset->addItem(tr("Everything"), QStringLiteral("all"));
    for (const QString& name : QSettings().value(kPresetsKey).toMap().keys())
        m_preset->addItem(name, QString(QStringLiteral("user:") + name));
    shapeForm->addRow(tr("Preset:"), m_preset);
    m_columns = new QListWidget(shape);
    m_columns->setAccessibleName(tr("Exported columns"));
    m_columns->setDragDropMode(QAbstractItemView::InternalMove);
    m_columns->setSelectionMode(QAbstractItemView::ExtendedSelection);
    auto* add = new QPushButton(tr("Add…"), shape);
    auto* remove = new QPushButton(tr("Remove"), shape);
    auto* up = new QPushButton(tr("Up"), shape);
    auto* down = new QPushButton(tr("Down"), shape);
    auto* save = new QPushButton(tr("Save as Preset…"), shape);
    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : { add, remove, up, down, save })
        buttons->addWidget(b);
    shapeForm->addRow(tr("Columns:"), m_columns);
    shapeForm->addRow(QString(), buttons);
    m_groupBy = new QComboBox(shape);
    m_groupBy->addItem(tr("(all runs)"));
    m_groupBy->addItems(m_data->fieldNames());
    m_groupBy->setCurrentIndex(std::max(0, m_groupBy->findText(QStringLiteral("model"))));
    shapeForm->addRow(tr("Group by:"), m_groupBy);
    m_statistics = new QListWidget(shape);
    for (const QString& stat : csvStatisticNames()) {
        auto* item = new QListWidgetItem(stat, m_statistics);
        item->setCheckState(Qt::Checked);
    }
    m_statistics->setFlow(QListView::LeftToRight);
    m_statistics->setWrapping(true);
    m_statistics->setResizeMode(QListView::Adjust);
    m_statistics->setMaximumHeight(m_statistics->sizeHintForRow(0) * 3 + 8);
    shapeForm->addRow(tr("Statistics:"), m_statistics);

    // Format
    auto* format = new QGroupBox(tr("Format"), this);
    auto* formatForm = new QFormLayout(format);
    m_headers = new QComboBox(format);
    m_headers->addItems({ tr("Machine (phase1_agent_conversation_seconds)"),
        tr("Readable (Phase 1 · agent conversation (s))") });
    m_decimal = new QComboBox(format);
    m_decimal->addItems({ tr("Point (12.5)"), tr("Comma (12,5)") });
    m_precision = new QSpinBox(format);
    m_precision->setRange(0, 12);
    m_precision->setValue(3);
    m_unit = new QComboBox(format);
    m_unit->addItems({ tr("Seconds"), tr("Milliseconds") });
    m_delimiter = new QComboBox(format);
    m_delimiter->addItem(tr("Comma ,"), QStringLiteral(","));
    m_delimiter->addItem(tr("Semicolon ;"), QStringLiteral(";"));
    m_delimiter->addItem(tr("Tab"), QStringLiteral("\t"));
    m_delimiter->setAccessibleName(tr("Delimiter"));
    m_bom = new QCheckBox(tr("UTF-8 BOM (Excel needs it to read UTF-8)"), format);
    m_bom->setChecked(true);
    m_crlf = new QCheckBox(tr("Windows line ends (CRLF)"), format);
    m_timestamps = new QComboBox(format);
    m_timestamps->addItems({ tr("ISO 8601 (2025-01-14T10:30:00.123Z)"), tr("Excel (2025-01-14 10:30:00)") });
    m_guard = new QCheckBox(
        tr("Guard against formulas (a text cell starting with = + - @ gets a leading ')"), format);
    m_guard->setChecked(true);
    formatForm->addRow(tr("Headers:"), m_headers);
    formatForm->addRow(tr("Decimal separator:"), m_decimal);
    formatForm->addRow(tr("Decimals:"), m_precision);
    formatForm->addRow(tr("Unit:"), m_unit);
    formatForm->addRow(tr("Delimiter:"), m_delimiter);
    formatForm->addRow(tr("Timestamps:"), m_timestamps);
    formatForm->addRow(m_bom);
    formatForm->addRow(m_crlf);
    formatForm->addRow(m_guard);

    // Preview
    m_preview = new QPlainTextEdit(this);
    m_preview->setReadOnly(true);
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setAccessibleName(tr("Preview"));
    m_preview->setObjectName(QStringLiteral("exportPreview"));
    m_status = new QLabel(this);
    m_status->setWordWrap(true);

    auto* box = new QDialogButtonBox(this);
    QPushButton* exportButton = box->addButton(tr("Export…"), QDialogButtonBox::AcceptRole);
    m_besideInput = box->addButton(tr("Write Summary CSV Next to the JSONL"), QDialogButtonBox::ActionRole);
    m_besideInput->setEnabled(!summaryPathBesideInput().isEmpty());
    m_besideInput->setToolTip(summaryPathBesideInput().isEmpty()
            ? tr("Open one JSON Lines file to use the seed's hybrid layout")
            : tr("Writes the Summary preset of all runs to %1").arg(summaryPathBesideInput()));
    box->addButton(QDialogButtonBox::Close);
    m_cancelExport = new QPushButton(tr("Cancel Export"), this);
    m_cancelExport->setVisible(false);
    m_exportButton = exportButton;
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 1000);
    m_progress->setVisible(false);

    auto* left = new QVBoxLayout;
    left->addWidget(scopeBox);
    left->addWidget(shape, 1);
    left->addWidget(format);
    auto* right = new QVBoxLayout;
    right->addWidget(new QLabel(tr("Preview: the first %1 rows exactly as written").arg(kPreviewRows), this));
    right->addWidget(m_preview, 1);
    right->addWidget(m_status);
    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancelExport);
    right->addLayout(progressRow);
    auto* columns = new QHBoxLayout;
    columns->addLayout(left, 2);
    columns->addLayout(right, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(box);
    resize(1180, 720);

    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(exportButton, &QPushButton::clicked, this, &ExportDialog::chooseFile);
    connect(m_besideInput, &QPushButton::clicked, this, [this] {
        m_scopeGroup->button(0)->setChecked(true);
        m_layout->setCurrentIndex(0);
        applyPreset(QStringLiteral("summary"));
        startExport(summaryPathBesideInput());
    });
    connect(m_cancelExport, &QPushButton::clicked, this, [this] { m_cancel = true; });
    connect(&m_progressTicker, &QTimer::timeout, this, [this] { m_progress->setValue(m_permille.load()); });
    connect(&m_export, &QFutureWatcherBase::finished, this, [this] {
        m_progressTicker.stop();
        m_progress->setVisible(false);
        m_cancelExport->setVisible(false);
        m_exportButton->setEnabled(true);
        m_besideInput->setEnabled(!summaryPathBesideInput().isEmpty());
        const auto [ok, message] = m_export.result();
        if (ok) {
            saveSettings();
            m_status->setText(tr("Wrote %1").arg(m_exportPath));
        } else {
            m_status->setText(message);
            if (message != QStringLiteral("cancelled") && isVisible())
                QMessageBox::warning(this, tr("Export Summary"), message);
        }
        emit exportFinished(ok, m_exportPath, message);
    });
    connect(add, &QPushButton::clicked, this, &ExportDialog::addColumnMenu);
    connect(remove, &QPushButton::clicked, this, [this] {
        qDeleteAll(m_columns->selectedItems());
        updatePreview();
    });
    const auto move = [this](int by) {
        const int row = m_columns->currentRow();
        if (row < 0 || row + by < 0 || row + by >= m_columns->count())
            return;
        QListWidgetItem* item = m_columns->takeItem(row);
        m_columns->insertItem(row + by, item);
        m_columns->setCurrentRow(row + by);
        updatePreview();
    };
    connect(up, &QPushButton::clicked, this, [move] { move(-1); });
    connect(down, &QPushButton::clicked, this, [move] { move(1); });
    connect(save, &QPushButton::clicked, this, [this] {
        const QString name = QInputDialog::getText(this, tr("Save Preset"), tr("Name:"));
        if (name.trimmed().isEmpty())
            return;
        QStringList ids;
        for (int i = 0; i < m_columns->count(); ++i)
            ids << m_columns->item(i)->data(Qt::UserRole).toString();
        QVariantMap presets = QSettings().value(kPresetsKey).toMap();
        presets.insert(name.trimmed(), ids);
        QSettings().setValue(kPresetsKey, presets);
        const QString id = QStringLiteral("user:") + name.trimmed();
        if (m_preset->findData(id) < 0)
            m_preset->addItem(name.trimmed(), id);
    });
    connect(
        m_preset, &QComboBox::activated, this, [this] { applyPreset(m_preset->currentData().toString()); });
    // Only what the layout uses is enabled: per group, the columns' times are the metrics.
    const auto enableForLayout = [this] {
        const bool perGroup = m_layout->currentIndex() == 1;
        m_groupBy->setEnabled(perGroup);
        m_statistics->setEnabled(perGroup);
        m_preset->setEnabled(m_layout->currentIndex() == 0);
    };
    connect(m_layout, &QComboBox::currentIndexChanged, this, enableForLayout);
    enableForLayout();
    connect(m_columns->model(), &QAbstractItemModel::rowsMoved, this, &ExportDialog::updatePreview);
    // Excel in comma-decimal locales splits on ';': suggest it with the comma.
    connect(m_decimal, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index == 1 && m_delimiter->currentIndex() == 0)
            m_delimiter->setCurrentIndex(1);
    });
    for (QComboBox* combo : { m_layout, m_groupBy, m_headers, m_decimal, m_unit, m_delimiter, m_timestamps })
        connect(combo, &QComboBox::currentIndexChanged, this, &ExportDialog::updatePreview);
    for (QCheckBox* check : { m_bom, m_crlf, m_guard })
        connect(check, &QCheckBox::toggled, this, &ExportDialog::updatePreview);
    connect(m_precision, &QSpinBox::valueChanged, this, &ExportDialog::updatePreview);
    connect(m_scopeGroup, &QButtonGroup::idToggled, this, &ExportDialog::updatePreview);
    connect(m_statistics, &QListWidget::itemChanged, this, &ExportDialog::updatePreview);
}

void ExportDialog::applyPreset(const QString& name)
{
    std::vector<RunColumn> columns;
    if (name.startsWith(QStringLiteral("user:"))) {
        for (const QString& id : QSettings().value(kPresetsKey).toMap().value(name.mid(5)).toStringList())
            columns.push_back(RunColumn::fromId(id));
    } else if (const auto preset = presetColumns(name, *m_data)) {
        columns = *preset;
    }
    m_columns->clear();
    for (const RunColumn& column : columns)
        m_columns->addItem(columnItem(column));
    m_preset->setCurrentIndex(std::max(0, m_preset->findData(name)));
    updatePreview();
}

void ExportDialog::addColumnMenu()
{
    QMenu menu(this);
    for (const RunColumn& column : availableRunColumns(*m_data)) {
        menu.addAction(columnLabel(column), this, [this, column] {
            m_columns->addItem(columnItem(column));
            updatePreview();
        });
    }
    menu.exec(QCursor::pos());
}

std::vector<std::uint32_t> ExportDialog::scopeRuns() const
{
    switch (m_scopeGroup->checkedId()) {
    case 1:
        return m_scope.filtered;
    case 2:
        return m_scope.selected;
    default:
        return m_scope.all;
    }
}

std::optional<CsvExportRequest> ExportDialog::request(QString* error) const
{
    CsvExportRequest request;
    request.layout = static_cast<CsvExportRequest::Layout>(m_layout->currentIndex());
    for (int i = 0; i < m_columns->count(); ++i) {
        const RunColumn column = RunColumn::fromId(m_columns->item(i)->data(Qt::UserRole).toString());
        request.columns.push_back(column);
        if (column.kind == RunColumn::Kind::Metric)
            request.metrics << column.key;
    }
    if (m_groupBy->currentIndex() > 0)
        request.groupBy << m_groupBy->currentText();
    for (int i = 0; i < m_statistics->count(); ++i) {
        if (m_statistics->item(i)->checkState() == Qt::Checked)
            request.statistics << m_statistics->item(i)->text();
    }
    CsvFormat& f = request.format;
    f.headers = m_headers->currentIndex() == 1 ? CsvFormat::Headers::Readable : CsvFormat::Headers::Machine;
    f.decimal = m_decimal->currentIndex() == 1 ? u',' : u'.';
    f.precision = m_precision->value();
    f.milliseconds = m_unit->currentIndex() == 1;
    f.delimiter = m_delimiter->currentData().toString().front();
    f.bom = m_bom->isChecked();
    f.crlf = m_crlf->isChecked();
    f.timestamps
        = m_timestamps->currentIndex() == 1 ? CsvFormat::Timestamps::Excel : CsvFormat::Timestamps::Iso;
    f.injectionGuard = m_guard->isChecked();
    if (request.layout == CsvExportRequest::Layout::PerRun && request.columns.empty()) {
        if (error)
            *error = tr("Choose at least one column, or a preset.");
        return std::nullopt;
    }
    if (const QString problem = f.validate(); !problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    return request;
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
    // The seed's layout: timings_detailed.jsonl -> timings_summary.csv.
    QString stem = input.completeBaseName();
    if (stem.endsWith(QStringLiteral("_detailed")))
        stem.chop(9);
    return input.dir().filePath(stem + QStringLiteral("_summary.csv"));
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
    if (m_export.isRunning())
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
    m_cancel = false;
    m_permille = 0;
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_cancelExport->setVisible(true);
    m_exportButton->setEnabled(false);
    m_besideInput->setEnabled(false);
    m_status->setText(tr("Exporting to %1…").arg(path));
    m_progressTicker.start(50);
    // Off the GUI thread: a million runs take a moment. The engine checks the
    // cancel flag between rows; QSaveFile leaves the old file when it stops.
    m_export.setFuture(
        QtConcurrent::run([this, exporter = std::move(*exporter), path, protectedFiles = m_loadedFiles] {
            QString error;
            const bool written
                = writeCsvFile(path, exporter, protectedFiles, &error, [this](qint64 done, qint64 total) {
                      m_permille = total > 0 ? static_cast<int>(done * 1000 / total) : 0;
                      return !m_cancel.load();
                  });
            return std::make_pair(written, error);
        }));
}

void ExportDialog::done(int result)
{
    saveSettings();
    QDialog::done(result);
}

void ExportDialog::saveSettings() const
{
    QSettings s;
    s.beginGroup(QStringLiteral("export"));
    QStringList ids;
    for (int i = 0; i < m_columns->count(); ++i)
        ids << m_columns->item(i)->data(Qt::UserRole).toString();
    s.setValue(QStringLiteral("columns"), ids);
    s.setValue(QStringLiteral("layout"), m_layout->currentIndex());
    s.setValue(QStringLiteral("headers"), m_headers->currentIndex());
    s.setValue(QStringLiteral("decimal"), m_decimal->currentIndex());
    s.setValue(QStringLiteral("precision"), m_precision->value());
    s.setValue(QStringLiteral("unit"), m_unit->currentIndex());
    s.setValue(QStringLiteral("delimiter"), m_delimiter->currentIndex());
    s.setValue(QStringLiteral("bom"), m_bom->isChecked());
    s.setValue(QStringLiteral("crlf"), m_crlf->isChecked());
    s.setValue(QStringLiteral("timestamps"), m_timestamps->currentIndex());
    s.setValue(QStringLiteral("guard"), m_guard->isChecked());
}

void ExportDialog::restoreSettings()
{
    QSettings s;
    s.beginGroup(QStringLiteral("export"));
    const QStringList ids = s.value(QStringLiteral("columns")).toStringList();
    if (ids.isEmpty()) {
        applyPreset(QStringLiteral("summary"));
    } else {
        for (const QString& id : ids)
            m_columns->addItem(columnItem(RunColumn::fromId(id)));
    }
    m_layout->setCurrentIndex(s.value(QStringLiteral("layout"), 0).toInt());
    m_headers->setCurrentIndex(s.value(QStringLiteral("headers"), 0).toInt());
    m_decimal->setCurrentIndex(s.value(QStringLiteral("decimal"), 0).toInt());
    m_precision->setValue(s.value(QStringLiteral("precision"), 3).toInt());
    m_unit->setCurrentIndex(s.value(QStringLiteral("unit"), 0).toInt());
    m_delimiter->setCurrentIndex(s.value(QStringLiteral("delimiter"), 0).toInt());
    m_bom->setChecked(s.value(QStringLiteral("bom"), true).toBool());
    m_crlf->setChecked(s.value(QStringLiteral("crlf"), false).toBool());
    m_timestamps->setCurrentIndex(s.value(QStringLiteral("timestamps"), 0).toInt());
    m_guard->setChecked(s.value(QStringLiteral("guard"), true).toBool());
}

} // namespace te
