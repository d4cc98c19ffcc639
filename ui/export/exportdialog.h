#pragma once

#include "export/csvexport.h"
#include "ui/export/csvexportrunner.h"
#include "ui/export/exportscopebox.h"
#include "ui/export/exportsettings.h"

#include <QDialog>
#include <cstdint>
#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QHBoxLayout;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QVBoxLayout;

namespace te {

class ExportColumnsEditor;
class GroupReference;
class TimingDataset;

/// File > Export Summary: choose what to export (all runs, the current filter or
/// the selection), how (one row per run, per group, or long), which columns, and
/// an Excel-friendly format; the preview shows the first 20 rows exactly as they
/// will be written. The engine is the same as `timing-explorer summary`'s.
class ExportDialog final : public QDialog
{
    Q_OBJECT
public:
    using Scope = ExportScope;

    ExportDialog(std::shared_ptr<const TimingDataset> data, std::shared_ptr<const GroupReference> reference,
        Scope scope, QStringList loadedFiles, QWidget* parent = nullptr);
    ~ExportDialog() override; ///< cancels and waits for an export in progress

    /// The request the dialog's choices make; nullopt with `error` when they cannot be exported.
    std::optional<CsvExportRequest> request(QString* error) const;
    std::vector<std::uint32_t> scopeRuns() const;
    /// The preview's bytes (exactly the file's first bytes).
    QByteArray previewBytes() const { return m_previewBytes; }
    /// Writes to `path` off the GUI thread, with progress and Cancel in the dialog;
    /// `exportFinished` tells how it went. Used by the Export button and by tests.
    void startExport(const QString& path);
    /// Where the summary CSV goes beside the one JSON Lines file loaded:
    /// `timings_detailed.jsonl` gives `timings_summary.csv`; empty unless exactly
    /// one JSON Lines file (not the bundled sample) is loaded.
    QString summaryPathBesideInput() const;

protected:
    void done(int result) override; ///< remembers the settings however the dialog closes

signals:
    /// `message` names the file and the reason on failure; "cancelled" when cancelled.
    void exportFinished(bool ok, const QString& path, const QString& message);

private:
    QGroupBox* buildRowsAndColumnsSection();
    QGroupBox* buildFormatSection();
    QVBoxLayout* buildPreviewSection();
    QDialogButtonBox* buildButtons();
    QHBoxLayout* buildProgressRow();
    void bindSettings();
    void connectChoices();
    void enableForLayout();
    CsvExportRequest::Layout chosenLayout() const;
    void writeSummaryBesideInput();
    void updatePreview();
    void chooseFile();
    void showExportRunning(bool running);
    void exportDone(bool ok, const QString& message);
    void saveSettings() const;
    void restoreSettings();

    std::shared_ptr<const TimingDataset> m_data;
    std::shared_ptr<const GroupReference> m_reference;
    QStringList m_loadedFiles;
    QByteArray m_previewBytes;
    ExportSettings m_settings;

    ExportScopeBox* m_scope;
    QComboBox* m_layout = nullptr;
    ExportColumnsEditor* m_columns = nullptr;
    QComboBox* m_groupBy = nullptr;
    QListWidget* m_statistics = nullptr;
    QComboBox* m_headers = nullptr;
    QComboBox* m_decimal = nullptr;
    QSpinBox* m_precision = nullptr;
    QComboBox* m_unit = nullptr;
    QComboBox* m_delimiter = nullptr;
    QCheckBox* m_bom = nullptr;
    QCheckBox* m_crlf = nullptr;
    QComboBox* m_timestamps = nullptr;
    QCheckBox* m_guard = nullptr;
    QPlainTextEdit* m_preview = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_besideInput = nullptr;
    QPushButton* m_exportButton = nullptr;
    QPushButton* m_cancelExport = nullptr;
    QProgressBar* m_progress = nullptr;
    QString m_exportPath;
    CsvExportRunner m_runner; ///< last, so destroyed first: the write stops before the widgets go
};

} // namespace te
