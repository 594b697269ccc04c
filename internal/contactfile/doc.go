// Package contactfile reads and writes the address-book files people bring
// to backchannel: vCard 2.1 to 4.0 (Google, Apple, Android, Outlook,
// Evolution, Thunderbird) and CSV exports (Google Contacts old and new,
// Outlook desktop in English and German, Outlook.com, LinkedIn, Thunderbird,
// Yahoo, a spreadsheet's own columns, and backchannel's).
//
// It is pure: bytes in, contacts and a report of how each was read out. It
// never touches the workbook; deciding what is new and what is a duplicate
// is model.PlanContactImport's job, storing it the db package's.
//
// A file is either read whole or refused with an *Error naming the file and
// line. A card or row that cannot become a contact (no name, organisation or
// email) is not a refusal: it comes back as an Entry with Skip saying why.
package contactfile
