<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<context>
    <name>BadgeActions</name>
    <message>
        <location filename="../../checkin/ui/desk/badge_actions.py" line="68"/>
        <source>Print again?</source>
        <translation>Wydrukować ponownie?</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/badge_actions.py" line="69"/>
        <source>The badge of {name} was already printed at {time} at {desk} (copy {n}). Print another copy?</source>
        <translation>Identyfikator osoby {name} został już wydrukowany o {time} przy stanowisku {desk} (egzemplarz {n}). Wydrukować kolejny egzemplarz?</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/badge_actions.py" line="160"/>
        <source>The badge was saved as {path}.</source>
        <translation>Identyfikator zapisano jako {path}.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/badge_actions.py" line="156"/>
        <source>Printing is not available on this desk. The badge was saved as {path}.</source>
        <translation>Drukowanie nie jest dostępne na tym stanowisku. Identyfikator zapisano jako {path}.</translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <location filename="../../checkin/ui/desk/camera_view.py" line="75"/>
        <location filename="../../checkin/ui/desk/camera_view.py" line="76"/>
        <source>Camera used for scanning</source>
        <translation>Kamera używana do skanowania</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/camera_view.py" line="77"/>
        <source>Camera preview</source>
        <translation>Podgląd z kamery</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/camera_view.py" line="78"/>
        <source>Mirror</source>
        <translation>Lustro</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/camera_view.py" line="83"/>
        <source>Camera:</source>
        <translation>Kamera:</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/camera_view.py" line="98"/>
        <source>No camera (handheld scanner and search)</source>
        <translation>Bez kamery (czytnik ręczny i wyszukiwanie)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/camera_view.py" line="102"/>
        <source>Camera {n}</source>
        <translation>Kamera {n}</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/camera_view.py" line="109"/>
        <source>No camera: use the handheld scanner or search (F2).</source>
        <translation>Brak kamery: użyj czytnika ręcznego lub wyszukiwania (F2).</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/camera_view.py" line="114"/>
        <source>Starting the camera…</source>
        <translation>Uruchamianie kamery…</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/camera_view.py" line="118"/>
        <source>Scanning with {camera}</source>
        <translation>Skanowanie: {camera}</translation>
    </message>
</context>
<context>
    <name>CheckpointPicker</name>
    <message>
        <location filename="../../checkin/ui/desk/checkpoint_picker.py" line="27"/>
        <source>Checkpoint: day entrance or session</source>
        <translation>Punkt kontroli: wejście na dzień albo sesja</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/checkpoint_picker.py" line="37"/>
        <source>Checkpoint (F5):</source>
        <translation>Punkt kontroli (F5):</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/checkpoint_picker.py" line="63"/>
        <source>— choose the day or session —</source>
        <translation>— wybierz dzień lub sesję —</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/checkpoint_picker.py" line="67"/>
        <source>Entrance · {day}</source>
        <translation>Wejście · {day}</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/checkpoint_picker.py" line="105"/>
        <source>Today ({today}) is not a day of this event. Choose the day or session you are checking in for before scanning.</source>
        <translation>Dziś ({today}) nie jest dniem tego wydarzenia. Przed skanowaniem wybierz dzień lub sesję, dla której rejestrujesz wejścia.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/checkpoint_picker.py" line="110"/>
        <source>Recording check-ins for {day}, not for today ({today}).</source>
        <translation>Rejestrujesz wejścia na dzień {day}, a nie na dziś ({today}).</translation>
    </message>
</context>
<context>
    <name>CorrectDialog</name>
    <message>
        <location filename="../../checkin/ui/desk/walk_in_dialog.py" line="142"/>
        <source>Correct {name}</source>
        <translation>Popraw dane: {name}</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/walk_in_dialog.py" line="143"/>
        <source>First name</source>
        <translation>Imię</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/walk_in_dialog.py" line="144"/>
        <source>Surname</source>
        <translation>Nazwisko</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/walk_in_dialog.py" line="145"/>
        <source>Institution</source>
        <translation>Instytucja</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/walk_in_dialog.py" line="146"/>
        <source>Position</source>
        <translation>Funkcja (stanowisko pracy)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/walk_in_dialog.py" line="148"/>
        <source>No consent to photos (wizerunek)</source>
        <translation>Brak zgody na zdjęcia (wizerunek)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/walk_in_dialog.py" line="152"/>
        <source>Save</source>
        <translation>Zapisz</translation>
    </message>
</context>
<context>
    <name>DeskStatusBar</name>
    <message>
        <location filename="../../checkin/ui/desk/status_bar.py" line="46"/>
        <source>unencrypted</source>
        <translation>bez szyfrowania</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/status_bar.py" line="50"/>
        <source>Online · {n} waiting to send</source>
        <translation>Połączono · {n} czeka na wysłanie</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/status_bar.py" line="52"/>
        <location filename="../../checkin/ui/desk/status_bar.py" line="73"/>
        <source>last sync {time}</source>
        <translation>ostatnia synchronizacja {time}</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/status_bar.py" line="54"/>
        <source>Offline · {n} waiting to send (scanning continues)</source>
        <translation>Brak połączenia · {n} czeka na wysłanie (skanowanie działa dalej)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/status_bar.py" line="56"/>
        <source>Local only (no venue database) · {n} not synced</source>
        <translation>Tylko lokalnie (bez wspólnej bazy) · {n} niezsynchronizowanych</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/status_bar.py" line="60"/>
        <source>Sync starting…</source>
        <translation>Uruchamianie synchronizacji…</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/status_bar.py" line="91"/>
        <source>Sounds off</source>
        <translation>Dźwięki wyłączone</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/status_bar.py" line="93"/>
        <source>No sound player: system beep for errors only</source>
        <translation>Brak odtwarzacza dźwięku: tylko systemowy sygnał przy błędach</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/status_bar.py" line="95"/>
        <source>Sound: {backend}</source>
        <translation>Dźwięk: {backend}</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/status_bar.py" line="58"/>
        <source>Connecting to the venue database…</source>
        <translation>Łączenie z bazą danych miejsca wydarzenia…</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/status_bar.py" line="41"/>
        <source>list not updated for {min} min</source>
        <translation>lista nieaktualna od {min} min</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/status_bar.py" line="42"/>
        <source>list not updated yet</source>
        <translation>lista jeszcze nie pobrana</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/status_bar.py" line="44"/>
        <source>{n} held back</source>
        <translation>wstrzymane: {n}</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/status_bar.py" line="48"/>
        <source>clock off by {s} s</source>
        <translation>zegar przesunięty o {s} s</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/status_bar.py" line="75"/>
        <source>Live updates: on</source>
        <translation>Aktualizacje na żywo: włączone</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/status_bar.py" line="75"/>
        <source>Live updates: off</source>
        <translation>Aktualizacje na żywo: wyłączone</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/status_bar.py" line="77"/>
        <source>Delay of other desks&apos; check-ins: {s} s</source>
        <translation>Opóźnienie skanów z innych stanowisk: {s} s</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/status_bar.py" line="79"/>
        <source>Clock difference to the venue database: {s} s</source>
        <translation>Różnica zegara względem bazy danych miejsca: {s} s</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/status_bar.py" line="82"/>
        <source>Last error: {error}</source>
        <translation>Ostatni błąd: {error}</translation>
    </message>
</context>
<context>
    <name>DeskView</name>
    <message>
        <location filename="../../checkin/ui/desk/desk_view.py" line="133"/>
        <source>Group (F4)</source>
        <translation>Grupa (F4)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/desk_view.py" line="134"/>
        <source>Search (F2)</source>
        <translation>Szukaj (F2)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/desk_view.py" line="135"/>
        <source>Walk-in (F3)</source>
        <translation>Nowa osoba (F3)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/desk_view.py" line="136"/>
        <source>Print badge (Ctrl+P)</source>
        <translation>Drukuj identyfikator (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/desk_view.py" line="138"/>
        <source>Search by name</source>
        <translation>Szukaj po nazwisku</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/desk_view.py" line="139"/>
        <source>Register a walk-in</source>
        <translation>Zarejestruj nową osobę</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/desk_view.py" line="140"/>
        <source>Print the badge</source>
        <translation>Drukuj identyfikator</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/desk_view.py" line="141"/>
        <source>Check in a group together</source>
        <translation>Zarejestruj grupę razem</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/desk_view.py" line="210"/>
        <source>Desk: {desk}</source>
        <translation>Stanowisko: {desk}</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/desk_view.py" line="252"/>
        <location filename="../../checkin/ui/desk/desk_view.py" line="279"/>
        <source>No camera</source>
        <translation>Brak kamery</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/desk_view.py" line="322"/>
        <location filename="../../checkin/ui/desk/desk_view.py" line="531"/>
        <source>Choose the day or session first (F5).</source>
        <translation>Najpierw wybierz dzień lub sesję (F5).</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/desk_view.py" line="356"/>
        <source>Choose the day first</source>
        <translation>Najpierw wybierz dzień</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/desk_view.py" line="357"/>
        <source>Today is not a day of this event. Pick the day or session at the top (F5), then scan again. Nothing was recorded.</source>
        <translation>Dziś nie jest dniem tego wydarzenia. Wybierz dzień lub sesję u góry ekranu (F5) i zeskanuj ponownie. Niczego nie zapisano.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/desk_view.py" line="409"/>
        <source>Not recorded</source>
        <translation>Nie zapisano</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/desk_view.py" line="410"/>
        <source>The desk could not record this ({error}). Try again; if it repeats, call the coordinator.</source>
        <translation>Stanowisko nie mogło tego zapisać ({error}). Spróbuj ponownie; jeśli błąd się powtórzy, wezwij koordynatora.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/desk_view.py" line="431"/>
        <source>Nothing to undo</source>
        <translation>Nie ma czego cofnąć</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/desk_view.py" line="432"/>
        <source>Only check-ins from the last {n} minutes at this desk can be undone.</source>
        <translation>Cofnąć można tylko rejestracje z tego stanowiska z ostatnich {n} minut.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/desk_view.py" line="438"/>
        <source>Cannot undo</source>
        <translation>Nie można cofnąć</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/desk_view.py" line="439"/>
        <source>This check-in can no longer be undone here (undone already, or older than {n} minutes).</source>
        <translation>Tej rejestracji nie można już tu cofnąć (została już cofnięta albo jest starsza niż {n} min).</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/desk_view.py" line="462"/>
        <source>Save the badge</source>
        <translation>Zapisz identyfikator</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/desk_view.py" line="484"/>
        <source>Present: {n}</source>
        <translation>Obecnych: {n}</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/desk_view.py" line="576"/>
        <source>Whose badge?</source>
        <translation>Czyj identyfikator?</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/desk_view.py" line="577"/>
        <source>Scan or search for the person first, then print the badge.</source>
        <translation>Najpierw zeskanuj lub wyszukaj osobę, potem wydrukuj identyfikator.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/desk_view.py" line="638"/>
        <source>Whose group?</source>
        <translation>Czyja grupa?</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/desk_view.py" line="639"/>
        <source>Scan or search for one person of the group first.</source>
        <translation>Najpierw zeskanuj lub wyszukaj jedną osobę z grupy.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/desk_view.py" line="646"/>
        <source>No group</source>
        <translation>Brak grupy</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/desk_view.py" line="679"/>
        <source>{n} of {total} checked in</source>
        <translation>Zarejestrowano {n} z {total}</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <location filename="../../checkin/ui/desk/group_dialog.py" line="37"/>
        <source>Group {group}</source>
        <translation>Grupa {group}</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/group_dialog.py" line="41"/>
        <source>Name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/group_dialog.py" line="41"/>
        <source>Organisation</source>
        <translation>Instytucja</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/group_dialog.py" line="41"/>
        <source>Status</source>
        <translation>Stan</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/group_dialog.py" line="55"/>
        <source>Print their badges (one batch)</source>
        <translation>Wydrukuj ich identyfikatory (jednym zleceniem)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/group_dialog.py" line="67"/>
        <source>{n} people in this group, {present} already checked in here.</source>
        <translation>Osób w grupie: {n}, już zarejestrowanych tutaj: {present}.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/group_dialog.py" line="77"/>
        <source>not checked in yet</source>
        <translation>jeszcze niezarejestrowany</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/group_dialog.py" line="78"/>
        <source>already checked in</source>
        <translation>już zarejestrowany</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/group_dialog.py" line="79"/>
        <source>registration cancelled</source>
        <translation>zgłoszenie anulowane</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/group_dialog.py" line="80"/>
        <source>not registered for this checkpoint</source>
        <translation>niezapisany na ten punkt</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/group_dialog.py" line="81"/>
        <source>session full</source>
        <translation>brak miejsc</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/group_dialog.py" line="100"/>
        <source>Check in {n} selected</source>
        <translation>Zarejestruj zaznaczonych ({n})</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../checkin/ui/main_window.py" line="103"/>
        <source>Check-in — {event} — {desk}</source>
        <translation>Rejestracja — {event} — {desk}</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/main_window.py" line="106"/>
        <source>Reception desk</source>
        <translation>Recepcja</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/main_window.py" line="107"/>
        <source>Coordinator dashboard</source>
        <translation>Panel koordynatora</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/main_window.py" line="107"/>
        <source>Organiser tools</source>
        <translation>Narzędzia organizatora</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/main_window.py" line="116"/>
        <source>REHEARSAL — check-ins, prints and walk-ins made now are removed when it ends</source>
        <translation>PRÓBA — rejestracje, wydruki i dopisane osoby z tego czasu zostaną usunięte po jej zakończeniu</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/main_window.py" line="193"/>
        <source>This part of the app is not installed yet ({what}).</source>
        <translation>Ta część aplikacji nie jest jeszcze zainstalowana ({what}).</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/main_window.py" line="202"/>
        <source>&amp;View</source>
        <translation>&amp;Widok</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/main_window.py" line="203"/>
        <source>Full screen</source>
        <translation>Pełny ekran</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/main_window.py" line="209"/>
        <source>Sync now</source>
        <translation>Synchronizuj teraz</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/main_window.py" line="213"/>
        <source>Sign out</source>
        <translation>Wyloguj</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/main_window.py" line="219"/>
        <source>&amp;Language</source>
        <translation>&amp;Język</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/main_window.py" line="228"/>
        <source>&amp;Help</source>
        <translation>Pomo&amp;c</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/main_window.py" line="229"/>
        <location filename="../../checkin/ui/main_window.py" line="354"/>
        <source>Keyboard shortcuts</source>
        <translation>Skróty klawiszowe</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/main_window.py" line="232"/>
        <source>Save diagnostics…</source>
        <translation>Zapisz diagnostykę…</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/main_window.py" line="235"/>
        <source>About</source>
        <translation>O programie</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/main_window.py" line="355"/>
        <source>F2 — search by name
F3 — register a walk-in
F5 — choose the checkpoint
Ctrl+Z — undo the last check-in
Ctrl+P — print the badge
Esc — clear the result / back to camera
F11 — full screen

The handheld scanner works wherever the cursor is.</source>
        <translation>F2 — szukaj po nazwisku
F3 — zarejestruj nową osobę
F5 — wybierz punkt kontroli
Ctrl+Z — cofnij ostatnią rejestrację
Ctrl+P — drukuj identyfikator
Esc — wyczyść wynik / wróć do kamery
F11 — pełny ekran

Czytnik ręczny działa niezależnie od tego, gdzie jest kursor.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/main_window.py" line="361"/>
        <source>checkin {version}
Database: {db}
Sound: {sound}</source>
        <translation>checkin {version}
Baza danych: {db}
Dźwięk: {sound}</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/main_window.py" line="364"/>
        <source>Missing translations: {files}</source>
        <translation>Brakujące tłumaczenia: {files}</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/main_window.py" line="365"/>
        <source>About checkin</source>
        <translation>O programie checkin</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/main_window.py" line="383"/>
        <source>Save diagnostics</source>
        <translation>Zapisz diagnostykę</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/main_window.py" line="398"/>
        <source>Diagnostics saved</source>
        <translation>Zapisano diagnostykę</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/main_window.py" line="399"/>
        <source>Saved {path}. Give this file to the IT volunteer; it holds no names of attendees and no passwords.</source>
        <translation>Zapisano {path}. Przekaż ten plik informatykowi; nie zawiera nazwisk uczestników ani haseł.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/main_window.py" line="407"/>
        <source>Diagnostics not saved</source>
        <translation>Nie zapisano diagnostyki</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/main_window.py" line="216"/>
        <source>Door mode…</source>
        <translation>Tryb drzwi…</translation>
    </message>
</context>
<context>
    <name>PrintNotice</name>
    <message>
        <location filename="../../checkin/ui/desk/print_notice.py" line="30"/>
        <source>Badge printing</source>
        <translation>Drukowanie identyfikatora</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/print_notice.py" line="38"/>
        <source>Print again (Ctrl+Shift+P)</source>
        <translation>Drukuj ponownie (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/print_notice.py" line="39"/>
        <source>Print the badge again</source>
        <translation>Wydrukuj identyfikator ponownie</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/print_notice.py" line="40"/>
        <source>Print elsewhere…</source>
        <translation>Drukuj gdzie indziej…</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/print_notice.py" line="41"/>
        <source>Print the badge on another printer</source>
        <translation>Wydrukuj identyfikator na innej drukarce</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/print_notice.py" line="43"/>
        <source>Close the printing notice</source>
        <translation>Zamknij komunikat o drukowaniu</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/print_notice.py" line="65"/>
        <source>Badge of {name} not printed: {why}</source>
        <translation>Identyfikator – {name} – nie został wydrukowany: {why}</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/print_notice.py" line="74"/>
        <source>Badge of {name} sent to the printer {printer}.</source>
        <translation>Identyfikator – {name} – wysłano do drukarki {printer}.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/print_notice.py" line="105"/>
        <source>Save the badge as a PDF to print at another desk</source>
        <translation>Zapisz identyfikator jako PDF, aby wydrukować go przy innym stanowisku</translation>
    </message>
</context>
<context>
    <name>RecentScans</name>
    <message>
        <location filename="../../checkin/ui/desk/recent_scans.py" line="40"/>
        <location filename="../../checkin/ui/desk/recent_scans.py" line="50"/>
        <source>Recent scans at this desk</source>
        <translation>Ostatnie skany na tym stanowisku</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/recent_scans.py" line="54"/>
        <source>Undo check-in (Ctrl+Z)</source>
        <translation>Cofnij rejestrację (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/recent_scans.py" line="56"/>
        <source>Undo the last check-in</source>
        <translation>Cofnij ostatnią rejestrację</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/recent_scans.py" line="74"/>
        <source>unknown code</source>
        <translation>nieznany kod</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/recent_scans.py" line="78"/>
        <source>undone</source>
        <translation>cofnięto</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/recent_scans.py" line="80"/>
        <source>REHEARSAL</source>
        <translation>PRÓBA</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <location filename="../../checkin/ui/desk/result_panel.py" line="50"/>
        <source>Scan result</source>
        <translation>Wynik skanowania</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/result_panel.py" line="62"/>
        <source>Result mark</source>
        <translation>Znak wyniku</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/result_panel.py" line="123"/>
        <source>Ready to scan</source>
        <translation>Gotowe do skanowania</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/result_panel.py" line="124"/>
        <source>Show the QR code to the camera, scan it with the handheld scanner, or press F2 to search by name.</source>
        <translation>Pokaż kod QR do kamery, zeskanuj go czytnikiem ręcznym albo naciśnij F2, aby wyszukać po nazwisku.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/result_panel.py" line="140"/>
        <source>{checkpoint} · {time}</source>
        <translation>{checkpoint} · {time}</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../checkin/ui/desk/search_panel.py" line="60"/>
        <source>Surname, first name, institution or ticket number — diacritics not needed</source>
        <translation>Nazwisko, imię, instytucja lub numer biletu — polskie znaki niepotrzebne</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/search_panel.py" line="63"/>
        <source>Search by name</source>
        <translation>Szukaj po nazwisku</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/search_panel.py" line="69"/>
        <source>People found</source>
        <translation>Znalezione osoby</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/search_panel.py" line="70"/>
        <source>Name</source>
        <translation>Imię i nazwisko</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/search_panel.py" line="70"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/search_panel.py" line="86"/>
        <source>Check in (Enter)</source>
        <translation>Zarejestruj wejście (Enter)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/search_panel.py" line="87"/>
        <source>Correct name…</source>
        <translation>Popraw dane…</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/search_panel.py" line="88"/>
        <source>Print badge</source>
        <translation>Drukuj identyfikator</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/search_panel.py" line="89"/>
        <source>Back to camera (Esc)</source>
        <translation>Wróć do kamery (Esc)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/search_panel.py" line="161"/>
        <source>Nobody found for “{query}”. Check the spelling, or register a walk-in (F3).</source>
        <translation>Nie znaleziono nikogo dla „{query}”. Sprawdź pisownię albo zarejestruj nową osobę (F3).</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/search_panel.py" line="164"/>
        <source>Showing the first {n}; type more to narrow down.</source>
        <translation>Pokazano pierwsze {n} wyników; wpisz więcej, aby zawęzić.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/search_panel.py" line="171"/>
        <source>cancelled</source>
        <translation>anulowany</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/search_panel.py" line="173"/>
        <source>present since {time} ({desk})</source>
        <translation>obecny od {time} ({desk})</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/search_panel.py" line="175"/>
        <source>not yet</source>
        <translation>jeszcze nie</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../checkin/ui/desk/volunteer_gate.py" line="41"/>
        <source>Sign in at the desk</source>
        <translation>Logowanie do stanowiska</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/volunteer_gate.py" line="52"/>
        <source>Volunteer</source>
        <translation>Wolontariusz</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/volunteer_gate.py" line="53"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/volunteer_gate.py" line="58"/>
        <source>Choose your name and type the PIN the organiser gave you.</source>
        <translation>Wybierz swoje nazwisko i wpisz PIN otrzymany od organizatora.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/volunteer_gate.py" line="74"/>
        <source>Sign in to use this desk.</source>
        <translation>Zaloguj się, aby korzystać ze stanowiska.</translation>
    </message>
</context>
<context>
    <name>SupervisorDialog</name>
    <message>
        <location filename="../../checkin/ui/desk/volunteer_gate.py" line="85"/>
        <source>Supervisor needed</source>
        <translation>Potrzebny koordynator</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/volunteer_gate.py" line="97"/>
        <source>{what}: a supervisor confirms with their PIN.</source>
        <translation>{what}: koordynator potwierdza swoim PIN-em.</translation>
    </message>
</context>
<context>
    <name>VolunteerGate</name>
    <message>
        <location filename="../../checkin/ui/desk/volunteer_gate.py" line="134"/>
        <source>Undoing an older check-in</source>
        <translation>Cofnięcie starszej rejestracji</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/volunteer_gate.py" line="135"/>
        <source>Registering a walk-in</source>
        <translation>Rejestracja osoby spoza listy</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/volunteer_gate.py" line="136"/>
        <source>Correcting details</source>
        <translation>Poprawianie danych</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/volunteer_gate.py" line="137"/>
        <source>Printing a badge again</source>
        <translation>Ponowny wydruk identyfikatora</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/volunteer_gate.py" line="138"/>
        <source>Changing the checkpoint</source>
        <translation>Zmiana punktu rejestracji</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <location filename="../../checkin/ui/desk/walk_in_dialog.py" line="109"/>
        <source>Register a walk-in</source>
        <translation>Rejestracja nowej osoby</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/walk_in_dialog.py" line="110"/>
        <source>For someone who is not on the list. They get a ticket and are checked in at once.</source>
        <translation>Dla osoby spoza listy. Otrzyma bilet i od razu zostanie zarejestrowana.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/walk_in_dialog.py" line="114"/>
        <source>First name</source>
        <translation>Imię</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/walk_in_dialog.py" line="115"/>
        <source>Surname</source>
        <translation>Nazwisko</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/walk_in_dialog.py" line="116"/>
        <source>Institution</source>
        <translation>Instytucja</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/walk_in_dialog.py" line="117"/>
        <source>Position</source>
        <translation>Funkcja (stanowisko pracy)</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/walk_in_dialog.py" line="122"/>
        <source>Category</source>
        <translation>Kategoria</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/walk_in_dialog.py" line="123"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/walk_in_dialog.py" line="124"/>
        <source>Print the badge after check-in</source>
        <translation>Wydrukuj identyfikator po rejestracji</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/walk_in_dialog.py" line="128"/>
        <source>Register and check in</source>
        <translation>Zapisz i zarejestruj wejście</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="58"/>
        <source>Welcome</source>
        <translation>Witamy</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="59"/>
        <source>Check-in undone</source>
        <translation>Rejestrację cofnięto</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="60"/>
        <source>Not admitted</source>
        <translation>Brak wstępu</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="80"/>
        <source>Back in the room.</source>
        <translation>Ponowne wejście na salę.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="82"/>
        <source>Exit recorded.</source>
        <translation>Wyjście zapisane.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="86"/>
        <source>Checked in. Hand over the badge and the conference pack.</source>
        <translation>Zarejestrowano. Wydaj identyfikator i materiały konferencyjne.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="32"/>
        <source>Already checked in</source>
        <comment>female</comment>
        <translation>Już zarejestrowana</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="34"/>
        <source>Already checked in</source>
        <comment>male</comment>
        <translation>Już zarejestrowany</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="35"/>
        <source>Already checked in</source>
        <comment>neutral</comment>
        <translation>Osoba już zarejestrowana</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="40"/>
        <source>Already checked in at {time} at {desk}.</source>
        <comment>female</comment>
        <translation>Już zarejestrowana o {time} przy stanowisku {desk}.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="42"/>
        <source>Already checked in at {time} at {desk}.</source>
        <comment>male</comment>
        <translation>Już zarejestrowany o {time} przy stanowisku {desk}.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="43"/>
        <source>Already checked in at {time} at {desk}.</source>
        <comment>neutral</comment>
        <translation>Osoba już zarejestrowana o {time} przy stanowisku {desk}.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="48"/>
        <source>Already checked in here today.</source>
        <comment>female</comment>
        <translation>Już dziś zarejestrowana w tym miejscu.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="50"/>
        <source>Already checked in here today.</source>
        <comment>male</comment>
        <translation>Już dziś zarejestrowany w tym miejscu.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="51"/>
        <source>Already checked in here today.</source>
        <comment>neutral</comment>
        <translation>Osoba już dziś zarejestrowana w tym miejscu.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="93"/>
        <source>The check-in was undone; the headcount no longer includes it.</source>
        <translation>Rejestrację cofnięto; nie jest już wliczana do liczby obecnych.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="95"/>
        <source>Not registered for this day. Send them to the information desk.</source>
        <translation>Brak zgłoszenia na ten dzień. Skieruj uczestnika do punktu informacyjnego.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="97"/>
        <source>Not registered for this workshop. Check the list of free places with the coordinator.</source>
        <translation>Brak zapisu na te warsztaty. Sprawdź z koordynatorem listę wolnych miejsc.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="100"/>
        <source>This registration was cancelled. Send them to the information desk.</source>
        <translation>To zgłoszenie zostało anulowane. Skieruj uczestnika do punktu informacyjnego.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="103"/>
        <source>This ticket was replaced by a newer one. Ask for the newest ticket or use search.</source>
        <translation>Ten bilet zastąpiono nowszym. Poproś o najnowszy bilet albo użyj wyszukiwania.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="106"/>
        <source>The session is full.</source>
        <translation>Brak wolnych miejsc na sesji.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="108"/>
        <source>Exit without an entry: this person was not checked in here.</source>
        <translation>Wyjście bez wejścia: ta osoba nie była tu zarejestrowana.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="110"/>
        <source>Forged or damaged code: the signature does not match. Use search by name.</source>
        <translation>Podrobiony lub uszkodzony kod: podpis się nie zgadza. Wyszukaj osobę po nazwisku.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="113"/>
        <source>The handheld scanner types with the wrong keyboard layout (Y and Z swapped). Set the scanner to this computer&apos;s layout.</source>
        <translation>Czytnik ręczny używa złego układu klawiatury (zamienione Y i Z). Ustaw w czytniku układ klawiatury tego komputera.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="117"/>
        <source>The code arrived with unexpected characters: check the handheld scanner&apos;s keyboard layout, or use search by name.</source>
        <translation>Kod zawiera nieoczekiwane znaki: sprawdź układ klawiatury czytnika ręcznego albo wyszukaj osobę po nazwisku.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="122"/>
        <source>Not a ticket of this conference, or the code is damaged. Use search by name.</source>
        <translation>To nie jest bilet tej konferencji albo kod jest uszkodzony. Wyszukaj osobę po nazwisku.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="125"/>
        <source>Unknown code: nobody on the list has this ticket. Use search by name.</source>
        <translation>Nieznany kod: nikt z listy nie ma takiego biletu. Wyszukaj osobę po nazwisku.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="128"/>
        <source>This ticket is for a different event.</source>
        <translation>Ten bilet dotyczy innego wydarzenia.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="130"/>
        <source>This ticket is not valid yet.</source>
        <translation>Ten bilet nie jest jeszcze ważny.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="132"/>
        <source>This ticket has expired.</source>
        <translation>Ten bilet stracił ważność.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="133"/>
        <source>Not admitted ({reason}).</source>
        <translation>Brak wstępu ({reason}).</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="138"/>
        <source>Participant</source>
        <translation>Uczestnik</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="139"/>
        <source>Speaker</source>
        <translation>Prelegent</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="140"/>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="141"/>
        <source>Media</source>
        <translation>Media</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="142"/>
        <source>Staff</source>
        <translation>Obsługa</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="143"/>
        <source>Organiser</source>
        <translation>Organizator</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="144"/>
        <source>Guest</source>
        <translation>Gość</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="150"/>
        <source>camera</source>
        <translation>kamera</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="151"/>
        <source>scanner</source>
        <translation>czytnik</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="152"/>
        <source>search</source>
        <translation>wyszukiwanie</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="153"/>
        <source>walk-in</source>
        <translation>nowa osoba</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="154"/>
        <source>kiosk</source>
        <translation>kiosk</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="67"/>
        <source>Goodbye</source>
        <translation>Do widzenia</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="69"/>
        <source>Welcome back</source>
        <translation>Witamy ponownie</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="71"/>
        <source>Session full</source>
        <translation>Brak miejsc</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/wording.py" line="84"/>
        <source>Exit recorded. Their entry has not reached this desk yet; it will be paired when it does.</source>
        <translation>Wyjście zapisane. Wejście tej osoby jeszcze tu nie dotarło; zostanie połączone, gdy dotrze.</translation>
    </message>
</context>
<context>
    <name>_Form</name>
    <message>
        <location filename="../../checkin/ui/desk/walk_in_dialog.py" line="84"/>
        <source>Enter the first name.</source>
        <translation>Wpisz imię.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/walk_in_dialog.py" line="86"/>
        <source>Enter the surname.</source>
        <translation>Wpisz nazwisko.</translation>
    </message>
    <message>
        <location filename="../../checkin/ui/desk/walk_in_dialog.py" line="89"/>
        <source>&quot;{email}&quot; does not look like an e-mail address (name@example.pl).</source>
        <translation>„{email}” nie wygląda na adres e-mail (nazwa@przyklad.pl).</translation>
    </message>
</context>
</TS>
