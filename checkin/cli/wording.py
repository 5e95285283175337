# SPDX-License-Identifier: MIT
"""What the command line says, in Polish: `checkin --lang pl …` (or a desk set to Polish).

The CLI's modules write English sentences (f-strings, `CliError`, `ctx.emit`). Rather than thread
a translation call through every one of them, `checkin.cli.main` runs the command with its output
streams passing through `messages.translate_text`, which recognises a finished English sentence by
its template (the `{…}` parts match anything) and writes the Polish one with the same values.
`tests/unit/test_cli_polish.py` reads every message literal in `checkin/cli/` and fails when one
has no entry here, so a new English sentence cannot slip out untranslated.
"""

from __future__ import annotations

import io
from typing import TextIO

from checkin.domain import messages

CLI_POLISH: dict[str, str] = {
    # checkin/cli/__init__.py and context.py
    "interrupted": "przerwano",
    "unexpected error: {exc_class_name}: {exc} (run with --debug for details)":
        "nieoczekiwany błąd: {exc_class_name}: {exc} (szczegóły: uruchom z --debug)",
    "the desktop app is not available: {exc}": "aplikacja okienkowa nie jest dostępna: {exc}",
    "checkin: error: {message}": "checkin: błąd: {message}",
    "checkin: warning: {exported_stale}": "checkin: uwaga: {exported_stale}",
    "'{text}' is not a date like 2022-10-19": "„{text}” to nie jest data w postaci 2022-10-19",
    # badges
    "Badge for {attendee_full_name} ({template_id}) written to {ctx_args_out}.":
        "Identyfikator dla: {attendee_full_name} ({template_id}) zapisano w {ctx_args_out}.",
    "{total} badges on {pages} pages ({template_id}) written to {ctx_args_out}.":
        "Identyfikatory ({total}) na stronach ({pages}) – szablon {template_id} – zapisano w {ctx_args_out}.",
    "Printed {attendee_full_name}'s badge on {used} ({template_id}, copy {copies}).":
        "Wydrukowano identyfikator: {attendee_full_name}, drukarka {used} ({template_id}, egzemplarz {copies}).",
    "Sample badges on '{template_id}' written to {ctx_args_out} ({pages} pages).":
        "Przykładowe identyfikatory na szablonie „{template_id}” zapisano w {ctx_args_out} (strony: {pages}).",
    "Auto-print on first check-in at this desk is {on_if_enabled_else_off}.":
        "Automatyczny druk przy pierwszej rejestracji na tym stanowisku: {on_if_enabled_else_off}.",
    "give --attendee ID (an attendee id, registration number or ticket number)":
        "podaj --attendee ID (identyfikator uczestnika, numer zgłoszenia lub numer biletu)",
    "no attendee '{ref}' in this event (try `checkin attendees --search NAME`)":
        "w tym wydarzeniu nie ma uczestnika „{ref}” (spróbuj `checkin attendees --search NAZWISKO`)",
    "{attendee_full_name}'s registration is cancelled; no badge made":
        "zgłoszenie osoby {attendee_full_name} jest anulowane; identyfikatora nie utworzono",
    "give --out F.pdf (and --attendee ID)": "podaj --out PLIK.pdf (oraz --attendee ID)",
    "unknown category '{category}'; use one of {join_c_value_for_c_in_ca}":
        "nieznana kategoria „{category}”; użyj jednej z: {join_c_value_for_c_in_ca}",
    "--copies must be at least 1": "--copies musi wynosić co najmniej 1",
    "{attendee_full_name}: {warning}; use --yes to print copy {len_earlier_1}":
        "{attendee_full_name}: {warning}; dodaj --yes, aby wydrukować egzemplarz {len_earlier_1}",
    "give --out F.pdf for the preview": "podaj --out PLIK.pdf na podgląd",
    "\rBadges: {done}/{total}": "\rIdentyfikatory: {done}/{total}",
    "Badges: {done}/{total}": "Identyfikatory: {done}/{total}",
    "printing needs Qt's print support, which is not available: {exc}":
        "drukowanie wymaga obsługi druku Qt, która nie jest dostępna: {exc}",
    "Qt print support is not available: {exc}": "obsługa druku Qt nie jest dostępna: {exc}",
    "auto-print takes 'on' or 'off', not '{value}'": "auto-print przyjmuje „on” albo „off”, a nie „{value}”",
    # doors, events, exports
    "Wrote the OUT card to {path}": "Kartę WYJŚCIE zapisano w {path}",
    "Demo event '{summary_event}' installed: {summary_days} days, {summary_sessions} sessions, "
    "{summary_attendees} attendees.":
        "Zainstalowano wydarzenie demonstracyjne „{summary_event}”: dni {summary_days}, sesje {summary_sessions}, "
        "uczestnicy {summary_attendees}.",
    "Loaded '{ev_name}': {len_ev_days} days, {len_definition_sessions} sessions.":
        "Wczytano „{ev_name}”: dni {len_ev_days}, sesje {len_definition_sessions}.",
    "Wrote {what}: {result_rows} row(s){pages} to {result_path}":
        "Zapisano {what}: wiersze {result_rows}{pages} do {result_path}",
    "'{text}' is not a CSV delimiter; use ',' or ';' (Polish Excel) or tab":
        "„{text}” to nie jest separator CSV; użyj „,” albo „;” (polski Excel) albo tabulatora",
    "a certificate is a PDF: give --out a name ending in .pdf (got '{a_out_name}')":
        "zaświadczenie to PDF: podaj w --out nazwę kończącą się na .pdf (podano „{a_out_name}”)",
    "say where to write the certificates: --out DIR (a PDF per person) and/or --combined FILE.pdf":
        "wskaż, gdzie zapisać zaświadczenia: --out FOLDER (PDF dla każdej osoby) i/lub --combined PLIK.pdf",
    "--combined is one PDF: give a name ending in .pdf (got '{a_combined_name}')":
        "--combined to jeden PDF: podaj nazwę kończącą się na .pdf (podano „{a_combined_name}”)",
    # hub desks
    "Desk login {result_role} revoked: it can no longer connect or write; {result_sessions_cut} open "
    "connection(s) ended. Scans it could not send stay on that desk.":
        "Odebrano dostęp loginowi stanowiska {result_role}: nie może się już łączyć ani zapisywać; zakończone "
        "połączenia: {result_sessions_cut}. Skany, których nie zdążyło wysłać, zostają na tym stanowisku.",
    "Wrote the audit: {result_rows} row(s) to {result_path}":
        "Zapisano dziennik kontroli: wiersze {result_rows} do {result_path}",
    "no hub given: add --hub postgresql://<prefix>_organiser@HOST/DB?sslmode=verify-full (the organiser "
    "string from `checkin hub init`)":
        "nie podano bazy na miejscu: dodaj --hub postgresql://<prefiks>_organiser@HOST/BAZA?sslmode=verify-full "
        "(adres organizatora z `checkin hub init`)",
    # roster, scanning
    "'{text}' is not COLUMN=FIELD, e.g. \"Urząd=organisation\"":
        "„{text}” to nie jest KOLUMNA=POLE, np. \"Urząd=organisation\"",
    "\r{100_done_max_total_1} %": "\r{100_done_max_total_1} %",
    "--limit must be at least 1": "--limit musi wynosić co najmniej 1",
    "{day} is not a day of {event_name} ({join_d_isoformat_for_d_i})":
        "{day} nie jest dniem wydarzenia {event_name} ({join_d_isoformat_for_d_i})",
    "--category: {exc}": "--category: {exc}",
    "no attendee '{ctx_args_attendee}' (use `checkin attendees --search NAME` to find the id)":
        "nie ma uczestnika „{ctx_args_attendee}” (identyfikator znajdziesz: `checkin attendees --search NAZWISKO`)",
    "region width and height must be positive": "szerokość i wysokość obszaru muszą być dodatnie",
    "give what to scan: --code TEXT, --image FILE..., --folder DIR, --video FILE or --camera N":
        "podaj, co skanować: --code TEKST, --image PLIK..., --folder FOLDER, --video PLIK albo --camera N",
    "{frames} frame(s), {decisions} decision(s), decoder {decoder_name}":
        "klatki: {frames}, decyzje: {decisions}, dekoder {decoder_name}",
    "'{text}' is not X,Y,WIDTH,HEIGHT in pixels, e.g. 320,120,640,480":
        "„{text}” to nie jest X,Y,SZEROKOŚĆ,WYSOKOŚĆ w pikselach, np. 320,120,640,480",
    "'{text}' is not a size like 1280x720": "„{text}” to nie jest rozmiar w postaci 1280x720",
    "scanning with {source_name} and {decoder_name}; Ctrl+C stops":
        "skanowanie: {source_name}, dekoder {decoder_name}; Ctrl+C kończy",
    # settings
    "{name} = {show_parsed} (desk {ctx_desk_name})": "{name} = {show_parsed} (stanowisko {ctx_desk_name})",
    "{name} is an event setting: change it in the event file ([event] {name} = …) and load it with `checkin "
    "event load FILE`, so every desk gets it through sync":
        "{name} to ustawienie wydarzenia: zmień je w pliku wydarzenia ([event] {name} = …) i wczytaj przez "
        "`checkin event load PLIK`, aby każde stanowisko dostało je przez synchronizację",
    "the organiser password is set in the desk app (Organiser tools → Settings)":
        "hasło organizatora ustawia się w aplikacji (Narzędzia organizatora → Ustawienia)",
    "connect to the venue database with `checkin sync --hub URL` (it keeps the password in the keyring)":
        "połącz się z bazą na miejscu przez `checkin sync --hub ADRES` (hasło trafi do sejfu systemu)",
    "no setting '{name}'; run `checkin settings` for the list": "nie ma ustawienia „{name}”; listę pokaże "
                                                                "`checkin settings`",
    # sync
    "Hub schema is at revision {revision}.": "Schemat bazy na miejscu jest w wersji {revision}.",
    "Published {result_event_id}: {result_days} days, {result_sessions} sessions, {result_keys} keys, "
    "{result_attendees} attendees.":
        "Opublikowano {result_event_id}: dni {result_days}, sesje {result_sessions}, klucze {result_keys}, "
        "uczestnicy {result_attendees}.",
    "Synced with {status_hub}: sent {result_pushed}, received {result_pulled} ({join_sorted_result_kinds}). "
    "Event: {event_name}.\n{status_summary}":
        "Zsynchronizowano z {status_hub}: wysłano {result_pushed}, odebrano {result_pulled} "
        "({join_sorted_result_kinds}). Wydarzenie: {event_name}.\n{status_summary}",
    "Held row {number} queued for the hub again; it goes with the next sync.":
        "Wstrzymany wiersz {number} ponownie w kolejce; pójdzie przy następnej synchronizacji.",
    "no venue hub set for this desk yet: run `checkin sync --hub postgresql://...` with the connection "
    "string from `checkin hub init`":
        "to stanowisko nie ma jeszcze bazy na miejscu: uruchom `checkin sync --hub postgresql://...` z adresem "
        "z `checkin hub init`",
    "sync failed: {result_error}; check-ins stay on this desk and go later":
        "synchronizacja nie powiodła się: {result_error}; rejestracje zostają na stanowisku i pójdą później",
    "use `checkin sync held`, `checkin sync held show N`, `checkin sync held resend N [--set FIELD=VALUE]` "
    "or `checkin sync held dismiss N`":
        "użyj `checkin sync held`, `checkin sync held show N`, `checkin sync held resend N [--set POLE=WARTOŚĆ]` "
        "albo `checkin sync held dismiss N`",
    "publish failed: {describe_error_exc} (publishing needs the organiser role)":
        "publikacja nie powiodła się: {describe_error_exc} (publikować może tylko organizator)",
    "Held row {number} dismissed; it stays in this desk's database.":
        "Wstrzymany wiersz {number} odrzucono; zostaje w bazie tego stanowiska.",
    "'{item}' is not FIELD=VALUE, e.g. --set operator=\"J. Kowalska\"":
        "„{item}” to nie jest POLE=WARTOŚĆ, np. --set operator=\"J. Kowalska\"",
    # walk-ins and badge reprints
    "{warning}; use --yes to print copy {copy}": "{warning}; dodaj --yes, aby wydrukować egzemplarz {copy}",
    "a walk-in is checked in on arrival; --exit does not apply":
        "nowa osoba jest rejestrowana przy wejściu; --exit tu nie działa",
    "Badge printed on {printer}.": "Identyfikator wydrukowano na {printer}.",
    "checked in, but the badge was not printed: {error}":
        "zarejestrowano, ale identyfikator nie został wydrukowany: {error}",
    "give X,Y,WIDTH,HEIGHT in pixels, e.g. 320,120,640,480":
        "podaj X,Y,SZEROKOŚĆ,WYSOKOŚĆ w pikselach, np. 320,120,640,480",
    # purge and wipe
    "purging cannot be undone: look first with --dry-run, then run again with --yes":
        "usunięcia nie da się cofnąć: najpierw sprawdź z --dry-run, potem uruchom ponownie z --yes",
    "wiping cannot be undone: look first with --dry-run, then run again with --yes":
        "wyczyszczenia nie da się cofnąć: najpierw sprawdź z --dry-run, potem uruchom ponownie z --yes",
    "nothing was wiped: {error}": "niczego nie wyczyszczono: {error}",
    # tickets and keys
    "{key_id} accepted for {event_id}": "{key_id} przyjęty dla {event_id}",
    "tickets signed with {ctx_args_key_id} are {state} (other desks follow after sync)":
        "bilety podpisane kluczem {ctx_args_key_id}: {state} (inne stanowiska po synchronizacji)",
    "signing key written to {ctx_args_out} (mode 0600); public key registered for {event_id}. Keep the file "
    "off the desks and back it up.":
        "klucz podpisujący zapisano w {ctx_args_out} (uprawnienia 0600); klucz publiczny zarejestrowano dla "
        "{event_id}. Nie trzymaj tego pliku na stanowiskach i zrób jego kopię.",
    "give the signing key and the output folder: checkin tickets --key FILE --out DIR":
        "podaj klucz podpisujący i folder wyjściowy: checkin tickets --key PLIK --out FOLDER",
    "key {key_id} is not an active key of {event_id}: desks would reject these tickets (register it with "
    "`checkin keys add-public FILE`)":
        "klucz {key_id} nie jest aktywnym kluczem {event_id}: stanowiska odrzuciłyby te bilety (zarejestruj go "
        "przez `checkin keys add-public PLIK`)",
    "new ticket for {attendee_full_name}; the old code is now rejected as cancelled":
        "nowy bilet dla: {attendee_full_name}; stary kod jest teraz odrzucany jako anulowany",
    "{key_id}\nno event in this database yet: after loading it run `checkin keys add-public {ctx_args_out}`":
        "{key_id}\nw tej bazie nie ma jeszcze wydarzenia: po jego wczytaniu uruchom "
        "`checkin keys add-public {ctx_args_out}`",
    "no attendee '{ref}' (use `checkin attendees --search NAME` to find the id)":
        "nie ma uczestnika „{ref}” (identyfikator znajdziesz: `checkin attendees --search NAZWISKO`)",
    "give --out DIR to write the new ticket files": "podaj --out FOLDER na pliki nowego biletu",
    "\r{done}/{total} tickets": "\r{done}/{total} biletów",
    # volunteer's day (rehearsal_cmds, volunteer_cmds; issue 18)
    "a rehearsal is already running on the hub; end it first (`checkin rehearsal end`)":
        "na serwerze trwa już próba; najpierw ją zakończ (`checkin rehearsal end`)",
    "REHEARSAL started {where}. Scans, badge prints and walk-ins are marked until `checkin rehearsal end` removes "
    "them.": "PRÓBA rozpoczęta {where}. Skany, wydruki identyfikatorów i dopisane osoby są oznaczane, dopóki "
             "`checkin rehearsal end` ich nie usunie.",
    "no rehearsal is running on the hub": "na serwerze nie trwa żadna próba",
    "rehearsal {action} failed on the hub: {error} (starting and ending a rehearsal needs the organiser role)":
        "rehearsal {action} nie powiodło się na serwerze: {error} (rozpoczęcie i zakończenie próby wymaga roli "
        "organizatora)",
    "{name} ({role}): PIN {pin}\nHand it over in person; it is stored only as a hash. Desks get it with the event: "
    "run `checkin hub publish` if desks sync with a hub.":
        "{name} ({role}): PIN {pin}\nPrzekaż go osobiście; zapisany jest tylko jego skrót. Stanowiska dostaną go "
        "z wydarzeniem: uruchom `checkin hub publish`, jeśli stanowiska synchronizują się z serwerem.",
    "{name} can no longer sign in (after `checkin hub publish`).":
        "{name} nie może się już zalogować (po `checkin hub publish`).",
    "the kiosk needs the desktop app: {exc}": "kiosk wymaga aplikacji okienkowej: {exc}",
}
messages.add_catalogue("pl", CLI_POLISH)


class TranslatingStream(io.TextIOBase):
    """Writes through to `stream`, each finished English sentence in the current language."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(messages.translate_text(text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.stream, "encoding", "utf-8")
