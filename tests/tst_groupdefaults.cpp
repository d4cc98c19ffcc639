// The window follows the file: runs are compared within the most useful field of
// each file opened (model, else the source file, else all runs), and a choice the
// user made is kept only while the new file still has that field.
#include "data/datasetlookups.h"
#include "testsupport.h"
#include "ui/runs/runsview.h"
#include "workspace/loadeddata.h"

#include <QComboBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace te;

class TestGroupDefaults : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString& name, const QByteArray& bytes)
    {
        QString path = m_dir.filePath(name);
        if (!te::test::writeFile(path, bytes))
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    std::shared_ptr<const LoadedData> load(const QStringList& files, const ViewState& view = {})
    {
        LoadOptions options;
        options.files = files;
        return loadData(options, view, false, {});
    }

    static QComboBox* compareWithin(RunsView& view)
    {
        for (QComboBox* box : view.findChildren<QComboBox*>()) {
            if (box->accessibleName() == u"Compare each run within"_qs)
                return box;
        }
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_twoModels = write(u"two_models.jsonl"_qs,
            "{\"registration_id\":\"A\",\"model\":\"fast\",\"total_seconds\":10}\n"
            "{\"registration_id\":\"A\",\"model\":\"slow\",\"total_seconds\":40}\n");
        m_oneModel = write(u"one_model.jsonl"_qs,
            "{\"registration_id\":\"A\",\"model\":\"fast\",\"total_seconds\":10}\n"
            "{\"registration_id\":\"B\",\"model\":\"fast\",\"total_seconds\":12}\n");
        // The legacy per-model CSVs: the model is only in the file's name.
        m_gpt4o = write(u"runtime_gpt4o.csv"_qs, "registration_id,matcher2_time_seconds\nA,9.5\nB,8.0\n");
        m_gpt5 = write(u"runtime_gpt5.csv"_qs, "registration_id,matcher2_time_seconds\nA,29.5\nB,31.0\n");
    }

    void theMostUsefulFieldOfEachFile()
    {
        QCOMPARE(load({ m_twoModels })->groupFields, QStringList { u"model"_qs });
        QCOMPARE(load({ m_gpt4o, m_gpt5 })->groupFields, QStringList { u"source"_qs });
        QCOMPARE(load({ m_oneModel })->groupFields, QStringList());
        // Two legacy files are compared by file: each run against its own file's median.
        const auto legacy = load({ m_gpt4o, m_gpt5 });
        QCOMPARE(legacy->reference->label(legacy->reference->groupOf(0)), u"runtime_gpt4o.csv"_qs);
    }

    void aChoiceIsKeptWhileItsFieldExists()
    {
        ViewState chosen;
        chosen.groupChosen = true;
        chosen.groupFields = { u"registration_id"_qs };
        QCOMPARE(load({ m_twoModels }, chosen)->groupFields, QStringList { u"registration_id"_qs });
        chosen.groupFields = { u"git_commit"_qs }; // not in these files
        QCOMPARE(load({ m_twoModels }, chosen)->groupFields, QStringList { u"model"_qs });
        chosen.groupFields = {}; // "(all runs)", chosen on purpose
        QCOMPARE(load({ m_twoModels }, chosen)->groupFields, QStringList());
    }

    void theRunsViewShowsWhatRunsAreComparedWithin()
    {
        RunsView view;
        view.setData(*load({ m_twoModels }), false);
        QComboBox* box = compareWithin(view);
        QVERIFY(box);
        QCOMPARE(box->currentText(), u"model"_qs);
        QVERIFY(!view.viewState().groupChosen); // a default is no choice
        view.setData(*load({ m_gpt4o, m_gpt5 }, view.viewState()), false);
        QCOMPARE(box->currentText(), u"source"_qs);
        // The user picks registration_id: the next file that has it keeps it...
        box->setCurrentIndex(box->findText(u"registration_id"_qs));
        QVERIFY(view.viewState().groupChosen);
        view.setData(*load({ m_twoModels }, view.viewState()), false);
        QCOMPARE(box->currentText(), u"registration_id"_qs);
    }

private:
    QString m_twoModels;
    QString m_oneModel;
    QString m_gpt4o;
    QString m_gpt5;
};

QTEST_MAIN(TestGroupDefaults)
#include "tst_groupdefaults.moc"
