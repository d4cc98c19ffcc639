#pragma once

#include <QString>
#include <optional>

class QWidget;

namespace te {

/// Asks for the address of a PostgreSQL database to open (File > Open Database…),
/// starting from the last one opened. Only an address that parses is accepted; one
/// with a password is refused in the dialog (see DatabaseAddress), so what comes
/// back, and what the window shows and remembers, never holds one. nullopt when
/// the dialog was cancelled.
std::optional<QString> askDatabaseAddress(QWidget* parent);

} // namespace te
