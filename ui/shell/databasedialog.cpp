#include "ui/shell/databasedialog.h"

#include "util/databaseaddress.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace te {

namespace {

const QString kLastAddressKey = QStringLiteral("lastDatabaseAddress");

} // namespace

std::optional<QString> askDatabaseAddress(QWidget* parent)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(QObject::tr("Open Database"));
    auto* layout = new QVBoxLayout(&dialog);
    auto* intro = new QLabel(QObject::tr("The address of a PostgreSQL database in the timing-storage schema "
                                         "(timings, phase_timings), or of a flat table with ?table=NAME. "
                                         "The password comes from PGPASSWORD or ~/.pgpass, never from the "
                                         "address."),
        &dialog);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* address = new QLineEdit(QSettings().value(kLastAddressKey).toString(), &dialog);
    address->setPlaceholderText(QStringLiteral("postgresql://user@host:5432/database"));
    address->setMinimumWidth(420);
    address->setClearButtonEnabled(true);
    layout->addWidget(address);
    auto* problem = new QLabel(&dialog);
    problem->setWordWrap(true);
    problem->setTextFormat(Qt::PlainText);
    problem->hide();
    layout->addWidget(problem);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, &dialog);
    layout->addWidget(buttons);

    std::optional<DatabaseAddress> parsed;
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        QString error;
        parsed = DatabaseAddress::parse(address->text().trimmed(), &error);
        if (parsed) {
            dialog.accept();
            return;
        }
        problem->setText(error);
        problem->show();
        if (error.contains(QStringLiteral("password")))
            address->setText(withoutPassword(address->text().trimmed())); // not kept where it shows
    });
    if (dialog.exec() != QDialog::Accepted || !parsed)
        return std::nullopt;
    const QString shown = parsed->toString();
    QSettings().setValue(kLastAddressKey, shown);
    return shown;
}

} // namespace te
