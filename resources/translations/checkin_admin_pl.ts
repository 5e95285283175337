<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>ArrivalsChart</name>
    <message>
        <location filename="../../checkin/ui/dashboard/arrivals_chart.py" line="33"/>
        <source>Arrivals per 10 minutes</source>
        <translation>Przybycia co 10 minut</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/arrivals_chart.py" line="71"/>
        <source>No arrivals yet</source>
        <translation>Jeszcze brak przyjść</translation>
    </message>
</context>
<context>
    <name>BadgesPage</name>
    <message>
        <location filename="../../checkin/ui/organiser/badges_page.py" line="51"/>
        <source>Badges</source>
        <translation>Identyfikatory</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/badges_page.py" line="55"/>
        <source>Template:</source>
        <translation>Szablon:</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/badges_page.py" line="57"/>
        <source>Everyone</source>
        <translation>Wszyscy</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/badges_page.py" line="60"/>
        <source>Who:</source>
        <translation>Dla kogo:</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/badges_page.py" line="62"/>
        <source>Batch</source>
        <translation>Druk zbiorczy</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/badges_page.py" line="64"/>
        <source>Make PDF with all badges…</source>
        <translation>Utwórz PDF ze wszystkimi identyfikatorami…</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/badges_page.py" line="66"/>
        <source>Print the PDF</source>
        <translation>Drukuj PDF</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/badges_page.py" line="78"/>
        <source>Preview is being drawn…</source>
        <translation>Trwa rysowanie podglądu…</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/badges_page.py" line="134"/>
        <source>Save the badges as</source>
        <translation>Zapisz identyfikatory jako</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/badges_page.py" line="160"/>
        <source>{n} badges on {pages} pages saved to {path}.</source>
        <translation>Identyfikatory: {n}, stron: {pages}; zapisano w {path}.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/badges_page.py" line="179"/>
        <source>Sent to {printer}.</source>
        <translation>Wysłano do drukarki {printer}.</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../checkin/ui/dashboard/common.py" line="23"/>
        <source>Participants</source>
        <translation>Uczestnicy</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/common.py" line="24"/>
        <source>Speakers</source>
        <translation>Prelegenci</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/common.py" line="25"/>
        <source>Partners</source>
        <translation>Partnerzy</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/common.py" line="26"/>
        <source>Media</source>
        <translation>Media</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/common.py" line="27"/>
        <source>Staff</source>
        <translation>Obsługa</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/common.py" line="28"/>
        <source>Organisers</source>
        <translation>Organizatorzy</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/common.py" line="29"/>
        <source>Guests</source>
        <translation>Goście</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/common.py" line="45"/>
        <source>never</source>
        <translation>nigdy</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/common.py" line="48"/>
        <source>just now</source>
        <translation>przed chwilą</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/common.py" line="50"/>
        <source>{n} min ago</source>
        <translation>{n} min temu</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/common.py" line="51"/>
        <source>{n} h ago</source>
        <translation>{n} godz. temu</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../../checkin/ui/dashboard/view.py" line="90"/>
        <source>Day:</source>
        <translation>Dzień:</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/view.py" line="92"/>
        <source>Day shown</source>
        <translation>Pokazywany dzień</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/view.py" line="96"/>
        <location filename="../../checkin/ui/dashboard/view.py" line="283"/>
        <source>Projector mode (F11)</source>
        <translation>Tryb rzutnika (F11)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/view.py" line="107"/>
        <source>Arrivals per 10 minutes</source>
        <translation>Przybycia co 10 minut</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/view.py" line="110"/>
        <source>Sessions</source>
        <translation>Sesje</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/view.py" line="113"/>
        <source>Desks</source>
        <translation>Stanowiska</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/view.py" line="220"/>
        <source>Updated {time}</source>
        <translation>Zaktualizowano {time}</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/view.py" line="222"/>
        <source>{n} changes on this desk waiting to sync</source>
        <translation>Zmiany na tym stanowisku czekające na synchronizację: {n}</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/view.py" line="232"/>
        <source>Could not read the numbers: {error}</source>
        <translation>Nie udało się odczytać danych: {error}</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/view.py" line="273"/>
        <source>Close projector mode</source>
        <translation>Zamknij tryb rzutnika</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/view.py" line="291"/>
        <source>No arrivals yet today</source>
        <translation>Dziś jeszcze nikt nie przyszedł</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/view.py" line="292"/>
        <source>No arrivals on {date}</source>
        <translation>Brak przyjść w dniu {date}</translation>
    </message>
</context>
<context>
    <name>DayPanel</name>
    <message>
        <location filename="../../checkin/ui/dashboard/day_panel.py" line="69"/>
        <source>No attendees registered for this day</source>
        <translation>Nikt nie jest zarejestrowany na ten dzień</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/day_panel.py" line="74"/>
        <source>present of {registered} registered ({percent})</source>
        <translation>obecnych z {registered} zarejestrowanych ({percent})</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/day_panel.py" line="77"/>
        <source>{n} not arrived yet</source>
        <translation>Jeszcze nieobecni: {n}</translation>
    </message>
</context>
<context>
    <name>DeskTable</name>
    <message>
        <location filename="../../checkin/ui/dashboard/desk_table.py" line="30"/>
        <source>Desk</source>
        <translation>Stanowisko</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/desk_table.py" line="30"/>
        <source>Scans (15 min)</source>
        <translation>Skany (15 min)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/desk_table.py" line="30"/>
        <source>Admitted (15 min)</source>
        <translation>Wpuszczeni (15 min)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/desk_table.py" line="31"/>
        <source>Last scan</source>
        <translation>Ostatni skan</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/desk_table.py" line="31"/>
        <source>Last sync</source>
        <translation>Ostatnia synchronizacja</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/desk_table.py" line="33"/>
        <source>Desks</source>
        <translation>Stanowiska</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/desk_table.py" line="56"/>
        <source>(this desk)</source>
        <translation>(to stanowisko)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/desk_table.py" line="58"/>
        <source>no scans yet</source>
        <translation>jeszcze bez skanów</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/desk_table.py" line="60"/>
        <source>not synced yet</source>
        <translation>jeszcze nie synchronizowano</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/desk_table.py" line="76"/>
        <source>No scans here for over 10 minutes while other desks are busy</source>
        <translation>Od ponad 10 minut brak skanów, choć inne stanowiska pracują</translation>
    </message>
</context>
<context>
    <name>EventPage</name>
    <message>
        <location filename="../../checkin/ui/organiser/event_page.py" line="55"/>
        <source>Event</source>
        <translation>Wydarzenie</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/event_page.py" line="56"/>
        <source>Load event file (TOML)…</source>
        <translation>Wczytaj plik wydarzenia (TOML)…</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/event_page.py" line="65"/>
        <location filename="../../checkin/ui/organiser/event_page.py" line="164"/>
        <source>Code</source>
        <translation>Kod</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/event_page.py" line="65"/>
        <source>Day</source>
        <translation>Dzień</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/event_page.py" line="65"/>
        <location filename="../../checkin/ui/organiser/event_page.py" line="163"/>
        <source>Title</source>
        <translation>Tytuł</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/event_page.py" line="65"/>
        <location filename="../../checkin/ui/organiser/event_page.py" line="163"/>
        <source>Room</source>
        <translation>Sala</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/event_page.py" line="65"/>
        <location filename="../../checkin/ui/organiser/event_page.py" line="163"/>
        <source>Starts</source>
        <translation>Początek</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/event_page.py" line="66"/>
        <location filename="../../checkin/ui/organiser/event_page.py" line="164"/>
        <source>Ends</source>
        <translation>Koniec</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/event_page.py" line="66"/>
        <location filename="../../checkin/ui/organiser/event_page.py" line="164"/>
        <source>Capacity</source>
        <translation>Liczba miejsc</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/event_page.py" line="75"/>
        <source>Double-click a cell to edit. Times are local (e.g. 09:30); leave capacity empty for no limit.</source>
        <translation>Kliknij dwukrotnie komórkę, aby ją zmienić. Godziny są czasu lokalnego (np. 09:30); puste pole liczby miejsc oznacza brak limitu.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/event_page.py" line="80"/>
        <source>Save changes</source>
        <translation>Zapisz zmiany</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/event_page.py" line="82"/>
        <source>Undo unsaved changes</source>
        <translation>Cofnij niezapisane zmiany</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/event_page.py" line="104"/>
        <source>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;{venue}&lt;br&gt;Days: {days} · Time zone: {tz} · {n} sessions</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;&lt;br&gt;{venue}&lt;br&gt;Dni: {days} · Strefa czasowa: {tz} · Liczba sesji: {n}</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/event_page.py" line="151"/>
        <source>Saved: {n} sessions changed.</source>
        <translation>Zapisano. Zmienione sesje: {n}.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/event_page.py" line="169"/>
        <source>Nothing was saved. Session {code}, column {column}: {problem}</source>
        <translation>Nic nie zapisano. Sesja {code}, kolumna {column}: {problem}</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/event_page.py" line="174"/>
        <source>Event file</source>
        <translation>Plik wydarzenia</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/event_page.py" line="174"/>
        <source>Event files (*.toml)</source>
        <translation>Pliki wydarzenia (*.toml)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/event_page.py" line="186"/>
        <source>Another event</source>
        <translation>Inne wydarzenie</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/event_page.py" line="187"/>
        <source>This file describes another event ({new}) than the one on this desk ({old}). Load it and make it the current event?</source>
        <translation>Ten plik opisuje inne wydarzenie ({new}) niż to na tym stanowisku ({old}). Wczytać go i ustawić jako bieżące wydarzenie?</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/event_page.py" line="198"/>
        <source>Loaded {name}: {days} days, {n} sessions.</source>
        <translation>Wczytano {name}. Dni: {days}, sesje: {n}.</translation>
    </message>
</context>
<context>
    <name>ExportsPage</name>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="50"/>
        <source>Exports</source>
        <translation>Eksport</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="53"/>
        <source>Daily attendance</source>
        <translation>Obecność dzienna</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="53"/>
        <source>Session attendance</source>
        <translation>Obecność na sesjach</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="54"/>
        <source>Attendees by session (matrix)</source>
        <translation>Uczestnicy według sesji (macierz)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="55"/>
        <source>Registered but did not come</source>
        <translation>Zarejestrowani nieobecni</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="56"/>
        <source>Event summary</source>
        <translation>Podsumowanie wydarzenia</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="57"/>
        <source>Certificates of attendance (numbered, with hours)</source>
        <translation>Zaświadczenia o udziale (numerowane, z godzinami)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="58"/>
        <source>Register of issued certificates</source>
        <translation>Ewidencja wydanych zaświadczeń</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="59"/>
        <source>Photographers&apos; list (no consent to photos)</source>
        <translation>Lista dla fotografów (bez zgody na wizerunek)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="62"/>
        <source>What:</source>
        <translation>Co:</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="65"/>
        <source>All days</source>
        <translation>Wszystkie dni</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="68"/>
        <source>Day:</source>
        <translation>Dzień:</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="70"/>
        <source>Session:</source>
        <translation>Sesja:</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="72"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="74"/>
        <source>Semicolon (Excel in Polish)</source>
        <translation>Średnik (polski Excel)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="75"/>
        <source>Comma</source>
        <translation>Przecinek</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="76"/>
        <source>CSV separator:</source>
        <translation>Separator CSV:</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="78"/>
        <source>all institutions</source>
        <translation>wszystkie instytucje</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="79"/>
        <source>Institution contains:</source>
        <translation>Instytucja zawiera:</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="83"/>
        <source>Certificate language:</source>
        <translation>Język zaświadczeń:</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="84"/>
        <source>Also a ZIP file per institution</source>
        <translation>Także plik ZIP dla każdej instytucji</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="88"/>
        <source>Export…</source>
        <translation>Eksportuj…</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="90"/>
        <source>Open folder</source>
        <translation>Otwórz folder</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="112"/>
        <source>All sessions</source>
        <translation>Wszystkie sesje</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="130"/>
        <source>Folder for the certificates</source>
        <translation>Folder na zaświadczenia</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="136"/>
        <source>Save the export as</source>
        <translation>Zapisz eksport jako</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="150"/>
        <source>A PDF list is made for one day: choose the day.</source>
        <translation>Lista PDF powstaje dla jednego dnia: wybierz dzień.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="185"/>
        <source>The venue hub could not be read: numbers issued on other laptops may be missing.</source>
        <translation>Nie udało się odczytać bazy na miejscu: może brakować numerów wydanych na innych laptopach.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="209"/>
        <source>Numbering the certificates in the register…</source>
        <translation>Nadawanie numerów w ewidencji zaświadczeń…</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="235"/>
        <source>the venue hub</source>
        <translation>baza na miejscu</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="235"/>
        <source>this computer</source>
        <translation>ten komputer</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="237"/>
        <source>{issued} new and {reissued} re-issued certificates (register: {where}) saved in {folder}, and all of them in {combined}.</source>
        <translation>Nowe zaświadczenia: {issued}, wydane ponownie: {reissued} (ewidencja: {where}); zapisano w {folder}, wszystkie razem w {combined}.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/exports_page.py" line="245"/>
        <source>Saved {rows} rows to {path}.</source>
        <translation>Zapisano wiersze: {rows}, plik {path}.</translation>
    </message>
</context>
<context>
    <name>ForecastPanel</name>
    <message>
        <location filename="../../checkin/ui/dashboard/forecast_panel.py" line="32"/>
        <source>Queue forecast</source>
        <translation>Prognoza kolejki</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/forecast_panel.py" line="42"/>
        <source>From</source>
        <translation>Od</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/forecast_panel.py" line="42"/>
        <source>Arriving</source>
        <translation>Przyjdzie</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/forecast_panel.py" line="42"/>
        <source>Can admit</source>
        <translation>Przyjmą</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/forecast_panel.py" line="43"/>
        <source>Queue</source>
        <translation>Kolejka</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/forecast_panel.py" line="60"/>
        <source>The forecast is for today only.</source>
        <translation>Prognoza dotyczy tylko dnia dzisiejszego.</translation>
    </message>
</context>
<context>
    <name>HeldPage</name>
    <message>
        <location filename="../../checkin/ui/organiser/held_page.py" line="42"/>
        <source>Held back from the venue database</source>
        <translation>Wstrzymane przez bazę danych miejsca wydarzenia</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/held_page.py" line="44"/>
        <source>The venue database refused these changes of this desk for good, so they wait here instead of blocking the other check-ins. Correct the field named in the reason and send the row again, or dismiss it (it stays in this desk&apos;s records).</source>
        <translation>Baza danych miejsca wydarzenia na stałe odrzuciła te zmiany z tego stanowiska, więc czekają tutaj, zamiast blokować pozostałe rejestracje. Popraw pole wskazane w przyczynie i wyślij wiersz ponownie albo go odrzuć (zostanie w zapisach tego stanowiska).</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/held_page.py" line="50"/>
        <source>What</source>
        <translation>Co</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/held_page.py" line="50"/>
        <source>Record</source>
        <translation>Rekord</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/held_page.py" line="50"/>
        <source>Held at</source>
        <translation>Wstrzymano</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/held_page.py" line="51"/>
        <source>Reason</source>
        <translation>Przyczyna</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/held_page.py" line="59"/>
        <source>Field:</source>
        <translation>Pole:</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/held_page.py" line="65"/>
        <source>Correct and send again</source>
        <translation>Popraw i wyślij ponownie</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/held_page.py" line="67"/>
        <source>Dismiss</source>
        <translation>Odrzuć</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/held_page.py" line="72"/>
        <source>Check again</source>
        <translation>Sprawdź ponownie</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/held_page.py" line="101"/>
        <source>Nothing is held back: the venue database accepted every change.</source>
        <translation>Nic nie jest wstrzymane: baza danych miejsca wydarzenia przyjęła każdą zmianę.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/held_page.py" line="141"/>
        <source>Queued again; it goes with the next sync.</source>
        <translation>Ponownie w kolejce; zostanie wysłane przy następnej synchronizacji.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/held_page.py" line="151"/>
        <source>Dismissed; it stays in this desk&apos;s records.</source>
        <translation>Odrzucono; pozostaje w zapisach tego stanowiska.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="64"/>
        <source>Import the roster</source>
        <translation>Import listy uczestników</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="80"/>
        <source>&lt; Back</source>
        <translation>&lt; Wstecz</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="82"/>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="180"/>
        <source>Next &gt;</source>
        <translation>Dalej &gt;</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="95"/>
        <source>Choose the roster exported from the registration system: CSV (any common encoding, comma or semicolon) or Excel XLSX. The first row must hold the column headings.</source>
        <translation>Wybierz listę wyeksportowaną z systemu rejestracji: CSV (dowolne popularne kodowanie, przecinek lub średnik) albo Excel XLSX. W pierwszym wierszu muszą być nagłówki kolumn.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="101"/>
        <source>roster file…</source>
        <translation>plik z listą…</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="102"/>
        <source>Choose file…</source>
        <translation>Wybierz plik…</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="108"/>
        <source>Cancel registrations of people who are no longer in the file</source>
        <translation>Anuluj rejestracje osób, których nie ma już w pliku</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="129"/>
        <source>Check what each column means. Columns set to “not imported” are left out.</source>
        <translation>Sprawdź znaczenie każdej kolumny. Kolumny oznaczone „nie importuj” zostaną pominięte.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="131"/>
        <source>Column in the file</source>
        <translation>Kolumna w pliku</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="131"/>
        <source>Example</source>
        <translation>Przykład</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="132"/>
        <source>Imported as</source>
        <translation>Importuj jako</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="145"/>
        <source>Row</source>
        <translation>Wiersz</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="145"/>
        <source>Column</source>
        <translation>Kolumna</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="145"/>
        <source>Value</source>
        <translation>Wartość</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="146"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="161"/>
        <source>Import another file</source>
        <translation>Importuj kolejny plik</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="173"/>
        <source>1 File</source>
        <translation>1 Plik</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="173"/>
        <source>2 Preview</source>
        <translation>2 Podgląd</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="173"/>
        <source>3 Columns</source>
        <translation>3 Kolumny</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="173"/>
        <source>4 Check</source>
        <translation>4 Sprawdzenie</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="174"/>
        <source>5 Import</source>
        <translation>5 Import</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="180"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="203"/>
        <source>Roster file</source>
        <translation>Plik z listą uczestników</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="204"/>
        <source>Rosters (*.csv *.txt *.xlsx);;All files (*)</source>
        <translation>Listy uczestników (*.csv *.txt *.xlsx);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="223"/>
        <source>Choose a roster file first.</source>
        <translation>Najpierw wybierz plik z listą.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="237"/>
        <source>{file}: {rows} rows ({source}). The first {n} are shown.</source>
        <translation>{file}: wierszy {rows} ({source}). Pokazano pierwsze {n}.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="261"/>
        <source>not imported</source>
        <translation>nie importuj</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="268"/>
        <source>registration number</source>
        <translation>numer zgłoszenia</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="268"/>
        <source>first name</source>
        <translation>imię</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="269"/>
        <source>last name</source>
        <translation>nazwisko</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="269"/>
        <source>full name</source>
        <translation>imię i nazwisko</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="270"/>
        <source>organisation</source>
        <translation>instytucja</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="270"/>
        <source>position</source>
        <translation>funkcja (stanowisko pracy)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="271"/>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="271"/>
        <source>phone</source>
        <translation>telefon</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="271"/>
        <source>category</source>
        <translation>kategoria</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="272"/>
        <source>days</source>
        <translation>dni</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="272"/>
        <source>sessions</source>
        <translation>sesje</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="272"/>
        <source>ticket code</source>
        <translation>kod biletu</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="273"/>
        <source>notes</source>
        <translation>uwagi</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="273"/>
        <source>gender (for Polish grammar)</source>
        <translation>płeć (do odmiany komunikatów)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="274"/>
        <source>VIP (shown on scan)</source>
        <translation>VIP (widoczne przy skanowaniu)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="275"/>
        <source>speaker to the green room (shown on scan)</source>
        <translation>prelegent do pokoju prelegentów (widoczne przy skanowaniu)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="276"/>
        <source>accessibility needs (shown on scan)</source>
        <translation>potrzeby dostępności (widoczne przy skanowaniu)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="277"/>
        <source>dietary needs (shown on scan)</source>
        <translation>dieta (widoczne przy skanowaniu)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="278"/>
        <source>see the organiser (shown on scan)</source>
        <translation>zgłosić się do organizatora (widoczne przy skanowaniu)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="331"/>
        <source>{n} problems found in {file}. Nothing will be imported until they are corrected: fix the file (the row numbers are as Excel shows them) and choose it again, or fix the column mapping.</source>
        <translation>Liczba problemów w pliku {file}: {n}. Nic nie zostanie zaimportowane, dopóki nie zostaną poprawione: popraw plik (numery wierszy jak w Excelu) i wybierz go ponownie albo popraw przypisanie kolumn.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="340"/>
        <source>No problems: {rows} rows are ready. Import will add {added}, update {updated}, cancel {cancelled} and reactivate {reactivated}; {unchanged} stay unchanged.</source>
        <translation>Bez problemów, gotowe wiersze: {rows}. Import doda: {added}, zaktualizuje: {updated}, anuluje: {cancelled}, przywróci: {reactivated}; bez zmian: {unchanged}.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="365"/>
        <source>Nothing was imported: {error}</source>
        <translation>Nic nie zaimportowano: {error}</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/import_wizard.py" line="372"/>
        <source>Imported {file}: {added} added, {updated} updated, {cancelled} cancelled, {reactivated} reactivated, {unchanged} unchanged.</source>
        <translation>Zaimportowano {file}. Dodano: {added}, zaktualizowano: {updated}, anulowano: {cancelled}, przywrócono: {reactivated}, bez zmian: {unchanged}.</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <location filename="../../checkin/ui/organiser/view.py" line="48"/>
        <source>Organiser tools are locked</source>
        <translation>Narzędzia organizatora są zablokowane</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/view.py" line="56"/>
        <source>Organiser password</source>
        <translation>Hasło organizatora</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/view.py" line="59"/>
        <source>Repeat the password</source>
        <translation>Powtórz hasło</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/view.py" line="60"/>
        <source>Password:</source>
        <translation>Hasło:</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/view.py" line="61"/>
        <source>Repeat:</source>
        <translation>Powtórz:</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/view.py" line="90"/>
        <source>No organiser password is set on this desk yet. Choose one (at least {n} characters) and keep it away from the volunteers: it protects the roster, the keys and the wipe.</source>
        <translation>Na tym stanowisku nie ustawiono jeszcze hasła organizatora. Wybierz je (co najmniej {n} znaków) i nie udostępniaj wolontariuszom: chroni listę uczestników, klucze i usuwanie danych.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/view.py" line="93"/>
        <source>Set password and unlock</source>
        <translation>Ustaw hasło i odblokuj</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/view.py" line="96"/>
        <source>Event setup, imports, tickets, badges, exports, settings and the wipe are for organisers. Enter the organiser password.</source>
        <translation>Ustawienia wydarzenia, import, bilety, identyfikatory, eksport, ustawienia i usuwanie danych są dla organizatorów. Wpisz hasło organizatora.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/view.py" line="98"/>
        <source>Unlock</source>
        <translation>Odblokuj</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/view.py" line="106"/>
        <source>The password needs at least {n} characters.</source>
        <translation>Hasło musi mieć co najmniej {n} znaków.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/view.py" line="110"/>
        <source>The two passwords are not the same.</source>
        <translation>Wpisane hasła się różnią.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/view.py" line="132"/>
        <source>Wrong password. The organiser tools stay locked.</source>
        <translation>Błędne hasło. Narzędzia organizatora pozostają zablokowane.</translation>
    </message>
</context>
<context>
    <name>Organiser</name>
    <message>
        <location filename="../../checkin/ui/organiser/common.py" line="97"/>
        <source>Cancelled; nothing more was done.</source>
        <translation>Anulowano; nic więcej nie zrobiono.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/common.py" line="107"/>
        <source>Not available yet in this version: the module {module} could not be loaded ({error}).</source>
        <translation>Jeszcze niedostępne w tej wersji: nie udało się wczytać modułu {module} ({error}).</translation>
    </message>
</context>
<context>
    <name>OrganiserView</name>
    <message>
        <location filename="../../checkin/ui/organiser/view.py" line="183"/>
        <source>Lock</source>
        <translation>Zablokuj</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/view.py" line="184"/>
        <source>Lock the organiser tools again</source>
        <translation>Zablokuj ponownie narzędzia organizatora</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/view.py" line="187"/>
        <source>Event</source>
        <translation>Wydarzenie</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/view.py" line="187"/>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/view.py" line="187"/>
        <source>Tickets</source>
        <translation>Bilety</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/view.py" line="188"/>
        <source>Badges</source>
        <translation>Identyfikatory</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/view.py" line="188"/>
        <source>Exports</source>
        <translation>Eksport</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/view.py" line="188"/>
        <source>Settings</source>
        <translation>Ustawienia</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/view.py" line="189"/>
        <source>Wipe</source>
        <translation>Usuwanie danych</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/view.py" line="189"/>
        <source>Held back</source>
        <translation>Wstrzymane</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/view.py" line="189"/>
        <source>Volunteers</source>
        <translation>Wolontariusze</translation>
    </message>
</context>
<context>
    <name>ProgressRow</name>
    <message>
        <location filename="../../checkin/ui/organiser/common.py" line="49"/>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
</context>
<context>
    <name>ProjectorWindow</name>
    <message>
        <location filename="../../checkin/ui/dashboard/projector.py" line="39"/>
        <source>Check-in — projector</source>
        <translation>Rejestracja — rzutnik</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/projector.py" line="72"/>
        <source>Arrivals per 10 minutes</source>
        <translation>Przybycia co 10 minut</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/projector.py" line="95"/>
        <source>Esc closes the projector view</source>
        <translation>Esc zamyka widok rzutnika</translation>
    </message>
</context>
<context>
    <name>SessionTable</name>
    <message>
        <location filename="../../checkin/ui/dashboard/session_table.py" line="28"/>
        <source>Time</source>
        <translation>Godzina</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/session_table.py" line="28"/>
        <source>Session</source>
        <translation>Sesja</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/session_table.py" line="28"/>
        <source>Room</source>
        <translation>Sala</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/session_table.py" line="28"/>
        <source>Present</source>
        <translation>Obecni</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/session_table.py" line="29"/>
        <source>Capacity</source>
        <translation>Liczba miejsc</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/session_table.py" line="29"/>
        <source>Registered</source>
        <translation>Zarejestrowani</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/session_table.py" line="29"/>
        <source>Inside now</source>
        <translation>Teraz na sali</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/session_table.py" line="29"/>
        <source>Seats left</source>
        <translation>Wolne miejsca</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/session_table.py" line="31"/>
        <source>Sessions</source>
        <translation>Sesje</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/session_table.py" line="91"/>
        <source>Full</source>
        <translation>Pełna</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/dashboard/session_table.py" line="91"/>
        <source>Nearly full</source>
        <translation>Prawie pełna</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="57"/>
        <source>Read QR image...</source>
        <translation>Odczytaj obraz QR...</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="58"/>
        <source>The QR code of this desk&apos;s connection string from `checkin hub add-desk`; a handheld scanner can also scan it straight into the field</source>
        <translation>Kod QR z adresem połączenia tego stanowiska z `checkin hub add-desk`; można go też zeskanować czytnikiem prosto do pola</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="168"/>
        <source>QR code of the hub connection</source>
        <translation>Kod QR połączenia z hubem</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="169"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Obrazy (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="46"/>
        <source>Settings of this desk</source>
        <translation>Ustawienia tego stanowiska</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="50"/>
        <source>Desk</source>
        <translation>Stanowisko</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="54"/>
        <source>Desk name:</source>
        <translation>Nazwa stanowiska:</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="56"/>
        <source>empty: this desk works alone</source>
        <translation>puste: stanowisko pracuje samodzielnie</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="64"/>
        <source>Venue database (hub):</source>
        <translation>Baza danych na miejscu (serwer):</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="66"/>
        <source>As the system</source>
        <translation>Jak w systemie</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="69"/>
        <source>Language:</source>
        <translation>Język:</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="70"/>
        <source>Play a sound for each result</source>
        <translation>Sygnał dźwiękowy przy każdym wyniku</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="72"/>
        <source>Print the badge automatically at check-in</source>
        <translation>Drukuj identyfikator automatycznie przy rejestracji</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="76"/>
        <source>Camera and printer</source>
        <translation>Kamera i drukarka</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="82"/>
        <source>No camera (handheld scanner and search)</source>
        <translation>Bez kamery (czytnik ręczny i wyszukiwanie)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="84"/>
        <source>Camera {n}</source>
        <translation>Kamera {n}</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="85"/>
        <source>Find cameras</source>
        <translation>Wyszukaj kamery</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="89"/>
        <source>Camera:</source>
        <translation>Kamera:</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="90"/>
        <source>Mirror the preview</source>
        <translation>Odbicie lustrzane podglądu</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="94"/>
        <source>Best available</source>
        <translation>Najlepszy dostępny</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="95"/>
        <source>QR decoder:</source>
        <translation>Dekoder QR:</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="100"/>
        <source>Badge printer:</source>
        <translation>Drukarka identyfikatorów:</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="104"/>
        <source>Save settings</source>
        <translation>Zapisz ustawienia</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="112"/>
        <source>Organiser password</source>
        <translation>Hasło organizatora</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="119"/>
        <source>Current password:</source>
        <translation>Obecne hasło:</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="120"/>
        <source>New password:</source>
        <translation>Nowe hasło:</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="121"/>
        <source>Repeat the new password:</source>
        <translation>Powtórz nowe hasło:</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="122"/>
        <source>Change password</source>
        <translation>Zmień hasło</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="145"/>
        <source>System default printer</source>
        <translation>Domyślna drukarka systemu</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="155"/>
        <source>{name} (not connected)</source>
        <translation>{name} (niepodłączona)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="184"/>
        <source>The desk needs a name other desks will see, e.g. “Desk 2”.</source>
        <translation>Stanowisko potrzebuje nazwy widocznej dla innych stanowisk, np. „Stanowisko 2”.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="204"/>
        <source>Settings saved.</source>
        <translation>Zapisano ustawienia.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="223"/>
        <source>Cameras found: {list}</source>
        <translation>Znalezione kamery: {list}</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="224"/>
        <source>No camera found. The handheld scanner and search still work.</source>
        <translation>Nie znaleziono kamery. Czytnik ręczny i wyszukiwanie nadal działają.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="231"/>
        <source>The new password needs at least {n} characters.</source>
        <translation>Nowe hasło musi mieć co najmniej {n} znaków.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="235"/>
        <source>The two new passwords are not the same.</source>
        <translation>Wpisane nowe hasła się różnią.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="253"/>
        <source>The organiser password was changed.</source>
        <translation>Hasło organizatora zostało zmienione.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/settings_page.py" line="255"/>
        <source>The current password is wrong; nothing was changed.</source>
        <translation>Obecne hasło jest błędne; niczego nie zmieniono.</translation>
    </message>
</context>
<context>
    <name>TicketsPage</name>
    <message>
        <location filename="../../checkin/ui/organiser/tickets_page.py" line="50"/>
        <source>Keys and tickets</source>
        <translation>Klucze i bilety</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/tickets_page.py" line="52"/>
        <source>Signing key</source>
        <translation>Klucz podpisu</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/tickets_page.py" line="56"/>
        <source>private key file (keep it on the organiser&apos;s computer only)</source>
        <translation>plik klucza prywatnego (trzymaj go tylko na komputerze organizatora)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/tickets_page.py" line="57"/>
        <location filename="../../checkin/ui/organiser/tickets_page.py" line="78"/>
        <source>Choose…</source>
        <translation>Wybierz…</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/tickets_page.py" line="59"/>
        <source>Use this key</source>
        <translation>Użyj tego klucza</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/tickets_page.py" line="61"/>
        <source>Create a new key…</source>
        <translation>Utwórz nowy klucz…</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/tickets_page.py" line="67"/>
        <source>Key id</source>
        <translation>Identyfikator klucza</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/tickets_page.py" line="67"/>
        <source>Registered</source>
        <translation>Zarejestrowani</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/tickets_page.py" line="67"/>
        <source>Accepted by desks</source>
        <translation>Akceptowany przez stanowiska</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/tickets_page.py" line="73"/>
        <source>Issue tickets</source>
        <translation>Wystawianie biletów</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/tickets_page.py" line="77"/>
        <source>folder for the ticket files</source>
        <translation>folder na pliki biletów</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/tickets_page.py" line="83"/>
        <source>Also a PDF ticket per person (for e-mailing)</source>
        <translation>Także bilet PDF dla każdej osoby (do wysyłki e-mailem)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/tickets_page.py" line="85"/>
        <source>Issue tickets for all active attendees</source>
        <translation>Wystaw bilety wszystkim aktywnym uczestnikom</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/tickets_page.py" line="103"/>
        <source>yes</source>
        <translation>tak</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/tickets_page.py" line="103"/>
        <source>no</source>
        <translation>nie</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/tickets_page.py" line="107"/>
        <source>Private key file</source>
        <translation>Plik klucza prywatnego</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/tickets_page.py" line="108"/>
        <source>Keys (*.pem *.key);;All files (*)</source>
        <translation>Klucze (*.pem *.key);;Wszystkie pliki (*)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/tickets_page.py" line="113"/>
        <source>Folder for the tickets</source>
        <translation>Folder na bilety</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/tickets_page.py" line="118"/>
        <source>New private key file</source>
        <translation>Nowy plik klucza prywatnego</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/tickets_page.py" line="119"/>
        <source>Keys (*.pem)</source>
        <translation>Klucze (*.pem)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/tickets_page.py" line="143"/>
        <source>Key {key} is registered; desks accept tickets signed with it.</source>
        <translation>Klucz {key} jest zarejestrowany; stanowiska akceptują podpisane nim bilety.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/tickets_page.py" line="155"/>
        <source>Choose the signing key and the folder for the tickets first.</source>
        <translation>Najpierw wybierz klucz podpisu i folder na bilety.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/tickets_page.py" line="172"/>
        <source>{n} tickets written to {folder} ({new} people got a new ticket id; {skipped} cancelled skipped). The list for mailing is {csv}.</source>
        <translation>Zapisane bilety: {n}, folder {folder} (nowe identyfikatory biletów: {new}; pominięte anulowane: {skipped}). Lista do wysyłki: {csv}.</translation>
    </message>
</context>
<context>
    <name>VolunteersPage</name>
    <message>
        <location filename="../../checkin/ui/organiser/volunteers_page.py" line="38"/>
        <source>Desk volunteers</source>
        <translation>Wolontariusze przy stanowiskach</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/volunteers_page.py" line="39"/>
        <source>With volunteers listed here, each desk asks for a name and PIN when it starts, and the actions ticked below need a supervisor&apos;s PIN. With nobody listed, desks work without signing in.</source>
        <translation>Gdy są tu wolontariusze, każde stanowisko przy starcie pyta o nazwisko i PIN, a zaznaczone niżej czynności wymagają PIN-u koordynatora. Bez nikogo na liście stanowiska działają bez logowania.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/volunteers_page.py" line="45"/>
        <source>Name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/volunteers_page.py" line="45"/>
        <source>Role</source>
        <translation>Rola</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/volunteers_page.py" line="52"/>
        <source>Name and surname</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/volunteers_page.py" line="53"/>
        <source>Supervisor</source>
        <translation>Koordynator</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/volunteers_page.py" line="55"/>
        <source>PIN (empty: a random one)</source>
        <translation>PIN (puste: losowy)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/volunteers_page.py" line="56"/>
        <source>Issue PIN</source>
        <translation>Wydaj PIN</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/volunteers_page.py" line="57"/>
        <source>Remove selected</source>
        <translation>Usuń zaznaczonego</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/volunteers_page.py" line="61"/>
        <source>Needs a supervisor&apos;s PIN:</source>
        <translation>Wymaga PIN-u koordynatora:</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/volunteers_page.py" line="63"/>
        <source>undo after a few minutes</source>
        <translation>cofnięcie po kilku minutach</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/volunteers_page.py" line="63"/>
        <source>walk-ins</source>
        <translation>osoby spoza listy</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/volunteers_page.py" line="64"/>
        <source>corrections</source>
        <translation>poprawki danych</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/volunteers_page.py" line="64"/>
        <source>reprints</source>
        <translation>ponowne wydruki</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/volunteers_page.py" line="65"/>
        <source>changing the checkpoint</source>
        <translation>zmiana punktu rejestracji</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/volunteers_page.py" line="86"/>
        <source>supervisor</source>
        <translation>koordynator</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/volunteers_page.py" line="86"/>
        <source>volunteer</source>
        <translation>wolontariusz</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/volunteers_page.py" line="107"/>
        <source>{name}: PIN {pin} — hand it over in person; it is not shown again.</source>
        <translation>{name}: PIN {pin} — przekaż go osobiście; nie zostanie pokazany ponownie.</translation>
    </message>
</context>
<context>
    <name>WipePage</name>
    <message>
        <location filename="../../checkin/ui/organiser/wipe_page.py" line="29"/>
        <source>End-of-event wipe</source>
        <translation>Usuwanie danych po wydarzeniu</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/wipe_page.py" line="31"/>
        <source>After the event, delete every attendee, check-in and badge print from this computer. The event, its sessions and this desk&apos;s settings stay, so the desk can be reused. This cannot be undone.</source>
        <translation>Po wydarzeniu usuń z tego komputera wszystkich uczestników, rejestracje wejść i wydruki identyfikatorów. Wydarzenie, jego sesje i ustawienia stanowiska zostają, więc stanowisko można użyć ponownie. Tego nie da się cofnąć.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/wipe_page.py" line="48"/>
        <source>Check again</source>
        <translation>Sprawdź ponownie</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/wipe_page.py" line="50"/>
        <source>Wipe personal data</source>
        <translation>Usuń dane osobowe</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/wipe_page.py" line="76"/>
        <source>On this desk: {attendees} attendees, {scans} check-in records, {prints} badge prints.</source>
        <translation>Na tym stanowisku: uczestnicy {attendees}, zapisy rejestracji {scans}, wydruki identyfikatorów {prints}.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/wipe_page.py" line="79"/>
        <source>Everything has reached the venue database; the wipe is allowed.</source>
        <translation>Wszystko dotarło do bazy na miejscu; usunięcie danych jest możliwe.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/wipe_page.py" line="82"/>
        <source>To confirm, type the event code {code}:</source>
        <translation>Aby potwierdzić, wpisz kod wydarzenia {code}:</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/wipe_page.py" line="89"/>
        <source>Wiping is not possible yet: {scans} check-ins and {other} roster changes or badge prints from this desk have not reached the venue database. Connect to the venue network and sync until nothing is pending, then wipe.</source>
        <translation>Usunięcie danych nie jest jeszcze możliwe: rejestracje wejść ({scans}) oraz zmiany listy lub wydruki identyfikatorów ({other}) z tego stanowiska nie dotarły do bazy na miejscu. Połącz się z siecią na miejscu i synchronizuj, aż nic nie będzie czekać, a potem usuń dane.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/wipe_page.py" line="116"/>
        <source>Wiped: {attendees} attendees, {scans} check-in records and {prints} badge prints were deleted and the database file was compacted.</source>
        <translation>Usunięto: uczestnicy {attendees}, zapisy rejestracji {scans}, wydruki identyfikatorów {prints}; plik bazy danych został zagęszczony.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/organiser/wipe_page.py" line="119"/>
        <source>{files} file(s) checkin wrote (exports, tickets, badge PDFs, backups) were deleted too.</source>
        <translation>Usunięto też pliki zapisane przez checkin (eksporty, bilety, identyfikatory PDF, kopie zapasowe): {files}.</translation>
    </message>
</context>
</TS>
