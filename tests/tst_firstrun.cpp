// What a new user meets, driven offscreen: the welcome over the bundled sample,
// the empty states that say what to do next, Help > Input Formats (whose every
// example must load), Help > About, and the light and dark appearances.
#include "data/columnmapping.h"
#include "data/timingdataset.h"
#include "load/timingloader.h"
#include "ui/charts/chartsview.h"
#include "ui/runs/filterbar.h"
#include "ui/runs/runsview.h"
#include "ui/shell/formatsdialog.h"
#include "ui/shell/loadcontroller.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/welcomepanel.h"
#include "ui/widgets/appearance.h"
#include "ui/widgets/emptystate.h"
#include "workspace/loadeddata.h"

#include <QAction>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDialog>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStringEncoder>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QToolButton>
#include <functional>

using namespace te;

namespace {

QString fixture(const char* name)
{
    return QFINDTESTDATA(QStringLiteral("data/") + QLatin1String(name));
}

QAction* menuAction(QMainWindow* window, const QString& text)
{
    const auto actions = window->menuBar()->findChildren<QAction*>();
    for (QAction* action : actions) {
        if (action->text() == text)
            return action;
    }
    return nullptr;
}

/// Closes a modal widget; a dialog is rejected, which ends its exec() even when it
/// would ignore a close event.
void closeModal(QWidget* modal)
{
    if (auto* dialog = qobject_cast<QDialog*>(modal))
        dialog->reject();
    else
        modal->close();
}

/// Runs `inspect` on the modal dialog that `open` shows, then closes it.
///
/// A failed QVERIFY returns from `inspect` early; the dialog is closed however
/// `inspect` ends (a scope guard), and the dialog is looked for until it shows, not
/// only once. A dialog that stays open (or a second one) is closed after
/// kModalTimeoutMs, so a test that goes wrong fails within seconds instead of
/// blocking in exec() until CTest's timeout.
template <typename Inspect> void whileModal(const std::function<void()>& open, Inspect inspect)
{
    constexpr qint64 kModalTimeoutMs = 5000;
    bool seen = false;
    bool stayedOpen = false;
    QElapsedTimer sinceSeen;
    QTimer poll;
    poll.setInterval(10);
    QObject::connect(&poll, &QTimer::timeout, [&] {
        QWidget* modal = QApplication::activeModalWidget();
        if (!modal)
            return;
        if (!seen) {
            seen = true;
            sinceSeen.start();
            const auto close = qScopeGuard([guarded = QPointer<QWidget>(modal)] {
                if (guarded) // `inspect` may have closed and deleted it
                    closeModal(guarded);
            });
            inspect(modal);
        } else if (sinceSeen.hasExpired(kModalTimeoutMs)) {
            stayedOpen = true;
            closeModal(modal);
        }
    });
    poll.start();
    open();
    poll.stop();
    QVERIFY2(seen, "no dialog was shown");
    QVERIFY2(!stayedOpen, "a dialog stayed open after it was closed");
}

} // namespace

class TestFirstRun : public QObject
{
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;

    void newWindow()
    {
        m_window = std::make_unique<MainWindow>();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    bool openAndWait(const QStringList& files)
    {
        QSignalSpy loaded(m_window->loader(), &LoadController::loaded);
        m_window->openFiles(files);
        return loaded.wait(20000);
    }

    EmptyState* runsEmptyState() const { return m_window->runsView()->emptyState(); }

    QLineEdit* searchField() const
    {
        for (QLineEdit* edit : m_window->runsView()->filterBar()->findChildren<QLineEdit*>()) {
            if (edit->accessibleName() == u"Search runs"_qs)
                return edit;
        }
        return nullptr;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); } // settings stay out of ~/.config

    void init()
    {
        QCoreApplication::setOrganizationName(u"TimingExplorerTests"_qs);
        QSettings().clear();
        newWindow();
    }

    void cleanup()
    {
        m_window.reset();
        applyAppearance(Appearance::System);
    }

    void theSampleOpensWithAWelcome()
    {
        QVERIFY(openAndWait({}));
        WelcomePanel* welcome = m_window->welcomePanel();
        QVERIFY(welcome->isVisible());
        const QString text = welcome->textLabel()->text();
        // It describes the sample as loaded, and points at the three jobs.
        QVERIFY2(text.contains(u"400 runs"_qs), qPrintable(text));
        QVERIFY2(text.contains(u"6 models"_qs), qPrintable(text));
        for (const auto& job : { u"<b>Runs</b>"_qs, u"<b>Charts</b>"_qs, u"<b>Export</b>"_qs, u"Ctrl+E"_qs })
            QVERIFY2(text.contains(job), qPrintable(job));
        QVERIFY(welcome->findChild<QPushButton*>(u"welcomeOpen"_qs));
    }

    void closingTheWelcomeIsRememberedUntilHelpShowsIt()
    {
        QVERIFY(openAndWait({}));
        QTest::mouseClick(
            m_window->welcomePanel()->findChild<QToolButton*>(u"welcomeClose"_qs), Qt::LeftButton);
        QVERIFY(!m_window->welcomePanel()->isVisible());

        newWindow();
        QVERIFY(openAndWait({}));
        QVERIFY(!m_window->welcomePanel()->isVisible());

        QAction* welcome = menuAction(m_window.get(), u"&Welcome"_qs);
        QVERIFY(welcome);
        welcome->trigger();
        QVERIFY(m_window->welcomePanel()->isVisible());
    }

    void theWelcomeGoesWhenTheUsersOwnFileOpens()
    {
        QVERIFY(openAndWait({}));
        QVERIFY(m_window->welcomePanel()->isVisible());
        QVERIFY(openAndWait({ fixture("seed_proposed.jsonl") }));
        QVERIFY(!m_window->welcomePanel()->isVisible());

        // Asked for again, it does not call the user's file the sample.
        menuAction(m_window.get(), u"&Welcome"_qs)->trigger();
        QVERIFY(m_window->welcomePanel()->isVisible());
        const QString text = m_window->welcomePanel()->textLabel()->text();
        QVERIFY2(!text.contains(u"This is the <b>bundled sample</b>"_qs), qPrintable(text));
        QVERIFY2(
            text.contains(u"href=\"paired\""_qs) && text.contains(u"href=\"pipeline\""_qs), qPrintable(text));
    }

    void thePairedSampleOpensFromHelp()
    {
        QVERIFY(openAndWait({}));
        QMenu* help = nullptr;
        for (QAction* menu : m_window->menuBar()->actions()) {
            if (menu->text() == u"&Help"_qs)
                help = menu->menu();
        }
        QVERIFY(help);
        QAction* paired = nullptr;
        for (QAction* action : help->actions()) {
            if (action->objectName() == u"pairedSampleAction"_qs)
                paired = action;
        }
        QVERIFY2(paired, "Help has no paired sample");

        QSignalSpy loaded(m_window->loader(), &LoadController::loaded);
        paired->trigger();
        QVERIFY(loaded.wait(20000));
        QCOMPARE(m_window->currentData()->dataset->runCount(), 30U);
        QCOMPARE(m_window->windowTitle(), u"Paired sample — Timing Explorer"_qs);
        const QString text = m_window->welcomePanel()->textLabel()->text();
        QVERIFY2(text.contains(u"<b>paired sample</b>: 30 runs"_qs), qPrintable(text));
        QVERIFY2(text.contains(u"3 models"_qs), qPrintable(text));

        // Its welcome links back to the larger sample.
        emit m_window->welcomePanel()->textLabel()->linkActivated(u"pipeline"_qs);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(m_window->currentData()->dataset->runCount(), 400U);
        QCOMPARE(m_window->windowTitle(), u"Bundled sample — Timing Explorer"_qs);
    }

    void theHistorySampleOpensFromHelp()
    {
        auto* history = m_window->findChild<QAction*>(u"historySampleAction"_qs);
        QVERIFY2(history, "no history sample action");
        QSignalSpy loaded(m_window->loader(), &LoadController::loaded);
        history->trigger();
        QVERIFY(loaded.wait(20000));
        QCOMPARE(m_window->windowTitle(), u"History sample — Timing Explorer"_qs);
        const TimingDataset& data = *m_window->currentData()->dataset;
        QCOMPARE(data.runCount(), 720U);
        // 12 commits, and the dictionary's "no value".
        QCOMPARE(data.field(data.fieldId(u"git_commit"_qs)).dictionary().size(), std::size_t(13));
        QVERIFY(m_window->welcomePanel()->textLabel()->text().contains(u"<b>history sample</b>"_qs));
    }

    void aFilterThatMatchesNothingOffersToClearIt()
    {
        QVERIFY(openAndWait({ fixture("stats_groups.jsonl") }));
        QVERIFY(!runsEmptyState()->isVisible());
        QLineEdit* search = searchField();
        QVERIFY(search);
        QTest::keyClicks(search, u"no-such-registration"_qs);
        QTRY_VERIFY(runsEmptyState()->isVisible());
        QVERIFY(runsEmptyState()->text().contains(u"No run matches the filters"_qs));
        QVERIFY(runsEmptyState()->text().contains(u"href=\"clear\""_qs));

        emit runsEmptyState()->linkActivated(u"clear"_qs);
        QTRY_VERIFY(!runsEmptyState()->isVisible());
        QCOMPARE(search->text(), QString());
        QCOMPARE(m_window->runsView()->visibleRunCount(), 25);
    }

    void aChartWithNothingToDrawSaysWhy()
    {
        QVERIFY(openAndWait({ fixture("stats_groups.jsonl") }));
        ChartsView* charts = m_window->chartsView();
        QSignalSpy updated(charts, &ChartsView::chartUpdated);
        m_window->tabs()->setCurrentWidget(charts);
        QVERIFY(updated.wait(10000));
        QVERIFY(!charts->emptyState()->isVisible());

        m_window->tabs()->setCurrentIndex(0);
        QTest::keyClicks(searchField(), u"no-such-registration"_qs);
        QTRY_COMPARE(m_window->runsView()->visibleRunCount(), 0);
        m_window->tabs()->setCurrentWidget(charts);
        QVERIFY(updated.wait(10000));
        QVERIFY(charts->emptyState()->isVisible());
        QVERIFY2(charts->emptyState()->text().contains(u"Clear its filters"_qs),
            qPrintable(charts->emptyState()->text()));
    }

    void aFileWithoutRunsSaysWhereToLook()
    {
        QVERIFY(openAndWait({ fixture("malformed.jsonl") }));
        QVERIFY(openAndWait({ fixture("empty.jsonl") }));
        QVERIFY(runsEmptyState()->isVisible());
        const QString text = runsEmptyState()->text();
        QVERIFY2(text.contains(u"No runs were read"_qs), qPrintable(text));
        QVERIFY(text.contains(u"href=\"problems\""_qs));
        QVERIFY(text.contains(u"href=\"formats\""_qs));
        // The link opens the problems panel with the reason.
        emit runsEmptyState()->linkActivated(u"problems"_qs);
        QTRY_VERIFY(m_window->findChild<QDockWidget*>(u"problemsDock"_qs)->isVisible());
    }

    void everyFormatExampleLoads_data()
    {
        QTest::addColumn<int>("index");
        const auto examples = FormatsDialog::examples();
        for (int i = 0; i < static_cast<int>(examples.size()); ++i)
            QTest::newRow(qPrintable(examples[static_cast<std::size_t>(i)].title)) << i;
    }

    void everyFormatExampleLoads()
    {
        QFETCH(int, index);
        const FormatsDialog::Example example = FormatsDialog::examples()[static_cast<std::size_t>(index)];
        if (example.isMapping) {
            QString error;
            QVERIFY2(ColumnMapping::parse(example.text.toStdString(), u"mapping.json"_qs, &error),
                qPrintable(error));
            return;
        }
        QTemporaryDir dir;
        const QString path = dir.filePath(u"example."_qs + example.fileSuffix);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        if (example.utf16) {
            QStringEncoder toUtf16(QStringConverter::Utf16LE, QStringConverter::Flag::WriteBom);
            file.write(toUtf16(example.text + u"\r\n"_qs)); // as Excel writes it
        } else {
            file.write(example.text.toUtf8() + '\n');
        }
        file.close();
        LoadOptions options;
        options.files = { path };
        const LoadResult result = loadTimingFiles(options);
        QCOMPARE(result.dataset.runCount(), 1u);
        for (const Problem& problem : result.problems)
            QVERIFY2(problem.severity != Problem::Severity::Error, qPrintable(problem.message));
        QVERIFY(result.dataset.metricId(u"total") >= 0);
    }

    void helpShowsTheFormatsPage()
    {
        QAction* formats = menuAction(m_window.get(), u"Input &Formats"_qs);
        QVERIFY(formats);
        whileModal([&] { formats->trigger(); },
            [](QWidget* dialog) {
                auto* page = dialog->findChild<QTextBrowser*>(u"formatsPage"_qs);
                QVERIFY(page);
                // Indentation and tabs are shown as non-breaking spaces.
                const QString text = page->toPlainText().replace(QChar::Nbsp, u' ');
                for (const FormatsDialog::Example& example : FormatsDialog::examples())
                    QVERIFY2(text.contains(example.text.section(u'\n', 0, 0).replace(u'\t', u"    "_qs)),
                        qPrintable(example.title));
            });
    }

    void aboutShowsTheVersionAndTheLicense()
    {
        QAction* about = menuAction(m_window.get(), u"&About Timing Explorer"_qs);
        QVERIFY(about);
        whileModal([&] { about->trigger(); },
            [](QWidget* dialog) {
                auto* box = qobject_cast<QMessageBox*>(dialog);
                QVERIFY(box);
                QVERIFY2(
                    box->text().contains(QStringLiteral(TIMING_EXPLORER_VERSION)), qPrintable(box->text()));
                QVERIFY(box->text().contains(u"MIT license"_qs));
            });
    }

    void theDarkAppearanceReachesTheCharts()
    {
        QVERIFY(openAndWait({ fixture("stats_groups.jsonl") }));
        QSignalSpy updated(m_window->chartsView(), &ChartsView::chartUpdated);
        m_window->tabs()->setCurrentWidget(m_window->chartsView());
        QVERIFY(updated.wait(10000));

        applyAppearance(Appearance::Dark);
        QVERIFY(isDark(QApplication::palette()));
        QChart* chart = m_window->chartsView()->chartView()->chart();
        QTRY_VERIFY(chart->backgroundBrush().color().lightness() < 80);
        QCOMPARE(chart->backgroundBrush().color(), m_window->chartsView()->palette().color(QPalette::Base));
        QVERIFY(chart->titleBrush().color().lightness() > 180);

        applyAppearance(Appearance::Light);
        QVERIFY(!isDark(QApplication::palette()));
        QTRY_VERIFY(chart->backgroundBrush().color().lightness() > 200);
    }

    void theAppearanceChoiceIsRemembered()
    {
        saveAppearance(Appearance::Dark);
        QCOMPARE(savedAppearance(), Appearance::Dark);
        saveAppearance(Appearance::System);
        QCOMPARE(savedAppearance(), Appearance::System);
    }
};

QTEST_MAIN(TestFirstRun)
#include "tst_firstrun.moc"
