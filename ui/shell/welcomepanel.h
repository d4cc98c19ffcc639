#pragma once

#include "ui/shell/bundledsamples.h"

#include <QFrame>

class QLabel;

namespace te {

/// The first-run welcome, shown above the views while the bundled sample is open:
/// what the sample is, how to open one's own file, and where the three main jobs
/// are (the runs with their breakdowns, the charts, the export). Closing it is
/// remembered; Help > Welcome shows it again.
class WelcomePanel final : public QFrame
{
    Q_OBJECT
public:
    explicit WelcomePanel(QWidget* parent = nullptr);

    /// Describes the sample from what was actually loaded, and links to the other one.
    void setSampleFacts(BundledSample sample, qint64 runs, const QStringList& models);
    /// Help > Welcome over the user's own files: where the sample is, then the tour.
    void setOwnFilesOpen();
    QLabel* textLabel() const { return m_text; }

signals:
    void openRequested();
    void formatsRequested();
    void exportRequested();
    void sampleRequested(te::BundledSample sample);
    /// The user closed the panel.
    void dismissed();

private:
    void setIntroduction(const QString& introduction);

    QLabel* m_text;
};

} // namespace te
