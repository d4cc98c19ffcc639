// The export dialog driven offscreen: pick a preset, change the delimiter, export,
// and read the file back; the preview is exactly the file's first bytes.
#include "data/datasetlookups.h"
#include "testsupport.h"
#include "ui/export/exportdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

using namespace te;
using namespace te::test;

class TestExportDialog : public QObject
{
    Q_OBJECT

    std::shared_ptr<const TimingDataset> m_data;
    QString m_input;

    static QComboBox* combo(ExportDialog& dialog, const QString& accessibleName)
    {
        for (QComboBox* box : dialog.findChildren<QComboBox*>()) {
            if (box->accessibleName() == accessibleName)
                return box;
        }
        return nullptr;
    }

    ExportDialog::Scope scope() const
    {
        ExportDialog::Scope s;
        s.all = allRuns(*m_data);
        s.filtered = s.all;
        s.selected = { 0, 1 };
        return s;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // settings go to a test location, not ~/.config
        QCoreApplication::setOrganizationName(u"TimingExplorerTests"_qs);
        QSettings().clear();
        m_input = QFINDTESTDATA("data/seed_proposed.jsonl");
        m_data = std::make_shared<const TimingDataset>(loadFixtures({ u"seed_proposed.jsonl"_qs }).dataset);
    }

    void presetDelimiterExportAndReadBack()
    {
        ExportDialog dialog(m_data, nullptr, scope(), { m_input });
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // The default preset gives the summary CSV's columns.
        QVERIFY(
            dialog.previewBytes().startsWith("\xEF\xBB\xBFregistration_id,total_seconds,model,timestamp\n"));
        QComboBox* preset = combo(dialog, u"Column preset"_qs);
        preset->setCurrentIndex(1);
        emit preset->activated(1); // as a user's pick does
        QComboBox* delimiter = combo(dialog, u"Delimiter"_qs);
        delimiter->setCurrentIndex(1); // ';'
        const QByteArray preview = dialog.previewBytes();
        QVERIFY2(preview.contains(
                     "registration_id;model;constellation;timestamp;total_seconds;phase1_total_seconds"),
            preview.constData());
        QVERIFY(dialog.findChild<QPlainTextEdit*>(u"exportPreview"_qs)
                    ->toPlainText()
                    .startsWith(u"registration_id;"_qs));

        QTemporaryDir dir;
        const QString path = dir.filePath(u"phases.csv"_qs);
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        dialog.startExport(path);
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.front().at(0).toBool(), qPrintable(finished.front().at(2).toString()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray written = file.readAll();
        QVERIFY(written.startsWith(preview)); // the preview is the file's beginning, byte for byte
        const QList<QByteArray> lines = written.split('\n');
        QCOMPARE(lines.size(), 5); // BOM+header, three runs, and the final newline
        QVERIFY(
            lines[1].startsWith("SPUS55557;zai_glm4_5_air;p1m1m2c;2025-01-14T10:30:00.123Z;50.415;34.522"));
    }

    // Settings saved by earlier versions (combo boxes by index) load into the
    // request, and the dialog writes them back under the same keys and forms.
    void settingsKeepTheirKeysAndStoredValues()
    {
        QSettings settings;
        settings.beginGroup(u"export"_qs);
        settings.setValue(u"layout"_qs, 1);
        settings.setValue(u"headers"_qs, 1);
        settings.setValue(u"decimal"_qs, 1);
        settings.setValue(u"precision"_qs, 5);
        settings.setValue(u"unit"_qs, 1);
        settings.setValue(u"delimiter"_qs, 2);
        settings.setValue(u"bom"_qs, false);
        settings.setValue(u"crlf"_qs, true);
        settings.setValue(u"timestamps"_qs, 1);
        settings.setValue(u"guard"_qs, false);
        settings.endGroup();
        {
            ExportDialog dialog(m_data, nullptr, scope(), { m_input });
            QString error;
            const auto request = dialog.request(&error);
            QVERIFY2(request, qPrintable(error));
            QCOMPARE(request->layout, CsvExportRequest::Layout::PerGroup);
            const CsvFormat& f = request->format;
            QCOMPARE(f.headers, CsvFormat::Headers::Readable);
            QCOMPARE(f.decimal, QChar(u','));
            QCOMPARE(f.precision, 5);
            QVERIFY(f.milliseconds);
            QCOMPARE(f.delimiter, QChar(u'\t'));
            QVERIFY(!f.bom);
            QVERIFY(f.crlf);
            QCOMPARE(f.timestamps, CsvFormat::Timestamps::Excel);
            QVERIFY(!f.injectionGuard);
            combo(dialog, u"Delimiter"_qs)->setCurrentIndex(1); // ';'
            dialog.reject();
        }
        settings.beginGroup(u"export"_qs);
        QCOMPARE(settings.value(u"delimiter"_qs).toInt(), 1);
        QCOMPARE(settings.value(u"layout"_qs).toInt(), 1);
        QCOMPARE(settings.value(u"precision"_qs).toInt(), 5);
        QCOMPARE(settings.value(u"crlf"_qs).toBool(), true);
        settings.endGroup();
        settings.remove(u"export"_qs);
    }

    void selectionScopeAndSummaryBesideTheInput()
    {
        QTemporaryDir dir;
        const QString input = dir.filePath(u"timings_detailed.jsonl"_qs);
        QVERIFY(QFile::copy(m_input, input));
        ExportDialog dialog(m_data, nullptr, scope(), { input });
        QCOMPARE(dialog.summaryPathBesideInput(), dir.filePath(u"timings_summary.csv"_qs));
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        dialog.startExport(dialog.summaryPathBesideInput());
        QVERIFY(finished.wait(10000));
        QVERIFY(finished.front().at(0).toBool());
        QVERIFY(QFileInfo::exists(dir.filePath(u"timings_summary.csv"_qs)));
    }

    // Cancelling is the user's choice: the status says so, no warning box pops up,
    // and no file is left behind.
    void aCancelledExportShowsNoWarning()
    {
        QByteArray lines;
        for (int i = 0; i < 300000; ++i)
            // NOLINTNEXTLINE(modernize-raw-string-literal): moc 6.4 cannot read raw string literals
            lines += "{\"registration_id\":\"R" + QByteArray::number(i) + "\",\"total_seconds\":1.5}\n";
        const auto big
            = std::make_shared<const TimingDataset>(loadTimingBytes(lines, u"big.jsonl"_qs, {}).dataset);
        ExportDialog::Scope all;
        all.all = allRuns(*big);
        all.filtered = all.all;
        ExportDialog dialog(big, nullptr, all, {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        bool sawBox = false;
        QTimer closer; // a warning box would block the test: close it and remember
        connect(&closer, &QTimer::timeout, [&sawBox] {
            if (QWidget* modal = QApplication::activeModalWidget()) {
                sawBox = true;
                modal->close();
            }
        });
        closer.start(50);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"big.csv"_qs);
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        dialog.startExport(path);
        QPushButton* cancel = nullptr;
        for (QPushButton* button : dialog.findChildren<QPushButton*>()) {
            if (button->text() == u"Cancel Export"_qs)
                cancel = button;
        }
        QVERIFY(cancel && cancel->isVisible());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(finished.wait(20000));
        QVERIFY(!finished.front().at(0).toBool());
        QVERIFY2(finished.front().at(2).toString().contains(u"cancelled"_qs),
            qPrintable(finished.front().at(2).toString()));
        QVERIFY(!sawBox);
        QVERIFY(!QFile::exists(path));
    }

    void refusesToOverwriteALoadedFile()
    {
        QTemporaryDir dir;
        const QString input = dir.filePath(u"in.jsonl"_qs);
        QVERIFY(QFile::copy(m_input, input));
        QFile original(input);
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QByteArray before = original.readAll();
        original.close();
        ExportDialog dialog(m_data, nullptr, scope(), { input });
        QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
        QVERIFY(QDir(dir.path()).mkdir(u"sub"_qs));
        dialog.startExport(dir.filePath(u"sub/../in.jsonl"_qs)); // another spelling of the input
        QVERIFY(finished.wait(10000));
        QVERIFY(!finished.front().at(0).toBool());
        QVERIFY2(finished.front().at(2).toString().contains(u"it is the input file"_qs),
            qPrintable(finished.front().at(2).toString()));
        QVERIFY(original.open(QIODevice::ReadOnly));
        QCOMPARE(original.readAll(), before);
    }
};

QTEST_MAIN(TestExportDialog)
#include "tst_exportdialog.moc"
