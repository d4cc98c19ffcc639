#include "ui/charts/chartexportdialog.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSettings>

namespace te {

bool exportChartAsked(QWidget* parent, const PictureExport& write)
{
    QSettings settings;
    const QString path = QFileDialog::getSaveFileName(parent, QObject::tr("Export Chart"),
        settings.value(QStringLiteral("charts/lastExport"), QStringLiteral("chart.png")).toString(),
        QObject::tr("PNG image (*.png);;SVG drawing (*.svg)"));
    if (path.isEmpty())
        return false;
    bool ok = false;
    const QString sizeText = QInputDialog::getText(parent, QObject::tr("Export Size"),
        QObject::tr("Width × height in pixels:"), QLineEdit::Normal,
        settings.value(QStringLiteral("charts/exportSize"), QStringLiteral("1600x900")).toString(), &ok);
    if (!ok)
        return false;
    const QStringList parts
        = sizeText.split(QRegularExpression(QStringLiteral("[x×*, ]+")), Qt::SkipEmptyParts);
    const QSize size(parts.value(0).toInt(), parts.value(1).toInt());
    if (size.width() < 100 || size.height() < 100 || size.width() > 10000 || size.height() > 10000) {
        QMessageBox::warning(parent, QObject::tr("Export Chart"),
            QObject::tr("Give a size such as 1600x900 (100 to 10000 pixels each way)."));
        return false;
    }
    settings.setValue(QStringLiteral("charts/lastExport"), path);
    settings.setValue(QStringLiteral("charts/exportSize"), sizeText);
    QString error;
    if (write(path, size, &error))
        return true;
    QMessageBox::warning(parent, QObject::tr("Export Chart"), error);
    return false;
}

} // namespace te
