<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pl_PL">
<!-- Door mode and the IN/OUT switch (issue 14), kept apart from checkin_desk_pl.ts so that the two
     catalogues can be edited in parallel. Every source string here is checked by tests/ui/test_door_polish.py. -->
<context>
    <name>DoorResult</name>
    <message>
        <source>Scan the code</source>
        <translation>Zeskanuj kod</translation>
    </message>
    <message>
        <source>Hold the QR code to the camera or use the handheld scanner.</source>
        <translation>Pokaż kod QR kamerze albo użyj skanera ręcznego.</translation>
    </message>
    <message>
        <source>EXIT</source>
        <translation>WYJŚCIE</translation>
    </message>
    <message>
        <source>BACK IN</source>
        <translation>PONOWNE WEJŚCIE</translation>
    </message>
    <message>
        <source>COME IN</source>
        <translation>ZAPRASZAMY</translation>
    </message>
    <message>
        <source>ALREADY INSIDE</source>
        <translation>JUŻ NA SALI</translation>
    </message>
    <message>
        <source>FULL</source>
        <translation>BRAK MIEJSC</translation>
    </message>
    <message>
        <source>UNDONE</source>
        <translation>COFNIĘTO</translation>
    </message>
    <message>
        <source>NO ENTRY</source>
        <translation>BRAK WSTĘPU</translation>
    </message>
    <message>
        <source>Entry recorded.</source>
        <translation>Wejście zapisane.</translation>
    </message>
</context>
<context>
    <name>DoorView</name>
    <message>
        <source>Entrance</source>
        <translation>Wejście główne</translation>
    </message>
    <message>
        <source>Automatic direction</source>
        <translation>Kierunek automatyczny</translation>
    </message>
    <message>
        <source>A second scan of someone inside means they are leaving.</source>
        <translation>Drugi skan osoby, która jest na sali, oznacza wyjście.</translation>
    </message>
    <message>
        <source>{key} or the OUT card switches IN/OUT</source>
        <translation>{key} lub karta WYJŚCIE przełącza kierunek</translation>
    </message>
    <message>
        <source>Last scans</source>
        <translation>Ostatnie skany</translation>
    </message>
    <message>
        <source>Change door…</source>
        <translation>Zmień drzwi…</translation>
    </message>
    <message>
        <source>Scanning people IN</source>
        <translation>Skanujemy WEJŚCIA</translation>
    </message>
    <message>
        <source>Scanning people OUT</source>
        <translation>Skanujemy WYJŚCIA</translation>
    </message>
    <message>
        <source>IN and OUT by itself</source>
        <translation>Wejścia i wyjścia automatycznie</translation>
    </message>
    <message>
        <source>NOT RECORDED</source>
        <translation>NIE ZAPISANO</translation>
    </message>
    <message>
        <source>The door could not record this ({error}). Scan again; if it repeats, call the coordinator.</source>
        <translation>Nie udało się tego zapisać ({error}). Zeskanuj ponownie; jeśli się powtórzy, wezwij koordynatora.</translation>
    </message>
    <message>
        <source>Present {n} / {capacity}</source>
        <translation>Obecni {n} / {capacity}</translation>
    </message>
    <message>
        <source>Present {n}</source>
        <translation>Obecni {n}</translation>
    </message>
    <message>
        <source>Inside now {n}</source>
        <translation>Na sali {n}</translation>
    </message>
    <message>
        <source>Inside now {n} / {capacity}</source>
        <translation>Na sali {n} / {capacity}</translation>
    </message>
    <message>
        <source>No camera: use the handheld scanner</source>
        <translation>Brak kamery: użyj skanera ręcznego</translation>
    </message>
    <message>
        <source>Starting the camera…</source>
        <translation>Uruchamianie kamery…</translation>
    </message>
</context>
<context>
    <name>DirectionSwitch</name>
    <message>
        <source>IN</source>
        <translation>WEJŚCIE</translation>
    </message>
    <message>
        <source>OUT</source>
        <translation>WYJŚCIE</translation>
    </message>
    <message>
        <source>Scan people in</source>
        <translation>Skanuj wejścia</translation>
    </message>
    <message>
        <source>Scan people out</source>
        <translation>Skanuj wyjścia</translation>
    </message>
</context>
<context>
    <name>DoorDialog</name>
    <message>
        <source>Save the OUT card (PDF)…</source>
        <translation>Zapisz kartę WYJŚCIE (PDF)…</translation>
    </message>
    <message>
        <source>Print it and keep it at the door: scanning it flips IN/OUT.</source>
        <translation>Wydrukuj ją i trzymaj przy drzwiach: jej zeskanowanie przełącza WEJŚCIE/WYJŚCIE.</translation>
    </message>
    <message>
        <source>Save the OUT card</source>
        <translation>Zapisz kartę WYJŚCIE</translation>
    </message>
    <message>
        <source>Saved {path}. Print it and keep it at the door.</source>
        <translation>Zapisano {path}. Wydrukuj ją i trzymaj przy drzwiach.</translation>
    </message>
    <message>
        <source>The OUT card could not be saved: {error}</source>
        <translation>Nie udało się zapisać karty WYJŚCIE: {error}</translation>
    </message>
    <message>
        <source>Entrance</source>
        <translation>Wejście główne</translation>
    </message>
    <message>
        <source>Door mode</source>
        <translation>Tryb drzwi</translation>
    </message>
    <message>
        <source>Auto-direction: a second scan of someone inside means leaving</source>
        <translation>Kierunek automatyczny: drugi skan osoby na sali oznacza wyjście</translation>
    </message>
    <message>
        <source>Organiser password</source>
        <translation>Hasło organizatora</translation>
    </message>
    <message>
        <source>Change the door</source>
        <translation>Zmień drzwi</translation>
    </message>
    <message>
        <source>Start door mode</source>
        <translation>Uruchom tryb drzwi</translation>
    </message>
    <message>
        <source>Leave door mode</source>
        <translation>Zakończ tryb drzwi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anuluj</translation>
    </message>
    <message>
        <source>The door scans for one session (or a day's entrance) only, full screen. Changing it or leaving door mode needs the organiser password.</source>
        <translation>Drzwi skanują tylko jedną sesję (albo wejście główne danego dnia), na pełnym ekranie. Zmiana drzwi lub zakończenie trybu drzwi wymaga hasła organizatora.</translation>
    </message>
    <message>
        <source>Enter the organiser password to change this door or leave door mode.</source>
        <translation>Podaj hasło organizatora, aby zmienić te drzwi lub zakończyć tryb drzwi.</translation>
    </message>
    <message>
        <source>No organiser password is set on this desk, so the door is not really locked: set one in the organiser tools.</source>
        <translation>Na tym stanowisku nie ustawiono hasła organizatora, więc drzwi nie są naprawdę zablokowane: ustaw je w narzędziach organizatora.</translation>
    </message>
    <message>
        <source>That is not the organiser password. The door stays as it is.</source>
        <translation>To nie jest hasło organizatora. Drzwi pozostają bez zmian.</translation>
    </message>
</context>
</TS>
