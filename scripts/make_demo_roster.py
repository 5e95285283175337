# SPDX-License-Identifier: MIT
"""Regenerate resources/demo/roster.csv: ~420 fictional attendees of the demo congress.

Deterministic (fixed seed) so the committed file only changes when this script does. Written the
way a Polish registration system exports: UTF-8 with BOM, ';' separated, Polish headers.
"""

from __future__ import annotations

import csv
import random
import sys
import unicodedata
from pathlib import Path

FIRST_F = ["Anna", "Małgorzata", "Katarzyna", "Agnieszka", "Barbara", "Ewa", "Elżbieta", "Joanna",
           "Magdalena", "Żaneta", "Beata", "Dorota", "Grażyna", "Halina", "Jadwiga", "Urszula",
           "Bożena", "Teresa", "Iwona", "Aleksandra", "Łucja", "Renata", "Sylwia", "Wiesława"]
FIRST_M = ["Łukasz", "Piotr", "Krzysztof", "Tomasz", "Paweł", "Michał", "Marcin", "Grzegorz", "Józef",
           "Stanisław", "Wojciech", "Zbigniew", "Jerzy", "Andrzej", "Jarosław", "Przemysław", "Ryszard",
           "Mieczysław", "Bogdan", "Sławomir", "Radosław", "Jacek", "Dariusz", "Maciej"]
LAST_BASE = ["Nowak", "Kowalsk", "Wiśniewsk", "Wójcik", "Kowalczyk", "Kamińsk", "Lewandowsk", "Zieliński",
             "Szymańsk", "Woźniak", "Dąbrowsk", "Kozłowsk", "Jankowsk", "Mazur", "Kwiatkowsk", "Krawczyk",
             "Piotrowsk", "Grabowsk", "Nowakowsk", "Pawłowsk", "Michalsk", "Nowick", "Adamczyk", "Dudek",
             "Zając", "Wieczorek", "Jabłońsk", "Król", "Majewsk", "Olszewsk", "Jaworsk", "Wróbel",
             "Malinowsk", "Pawlak", "Witkowsk", "Walczak", "Stępień", "Górsk", "Rutkowsk", "Michalak",
             "Sikora", "Ostrowsk", "Baran", "Duda", "Szewczyk", "Tomaszewsk", "Pietrzak", "Marciniak",
             "Wróblewsk", "Zalewsk", "Jakubowsk", "Jasińsk", "Zawadzk", "Sadowsk", "Bąk", "Chmielewsk",
             "Włodarczyk", "Borkowsk", "Czarneck", "Sawick", "Sokołowsk", "Urbańsk", "Kubiak", "Maciejewsk",
             "Szczepańsk", "Kucharsk", "Wilk", "Kalinowsk", "Lis", "Mazurek", "Wysock", "Adamsk", "Kaźmierczak",
             "Wasilewsk", "Sobczak", "Czerwińsk", "Andrzejewsk", "Cieślak", "Głowack", "Zakrzewsk", "Kołodziej",
             "Sikorsk", "Krajewsk", "Gajewsk", "Szymczak", "Szulc", "Baranowsk", "Laskowsk", "Brzezińsk",
             "Makowsk", "Ziółkowsk", "Przybylsk", "Żak", "Źrałek", "Śliwińsk", "Ćwikliński", "Gąsiorowsk"]
PLACES = ["Brzęczyszczykiewice", "Żółkiewka", "Łęczna", "Świętochłowice", "Końskie", "Ożarów Mazowiecki",
          "Źródła", "Ślesin", "Gniezno", "Łask", "Pruszcz Gdański", "Sępólno Krajeńskie", "Nowa Dęba",
          "Zębowice", "Biłgoraj", "Chęciny", "Głogów Małopolski", "Kętrzyn", "Michałowice", "Wąchock",
          "Szczebrzeszyn", "Ząbki", "Żyrardów", "Łomianki", "Tłuszcz", "Józefów", "Otwock", "Sulejówek",
          "Brzeziny", "Opoczno", "Łowicz", "Skierniewice", "Kłodzko", "Świdnica", "Bolesławiec", "Gryfino"]
ORG_PATTERNS = ["Urząd Gminy {p}", "Urząd Miasta i Gminy {p}", "Urząd Miejski w {p}", "Starostwo Powiatowe w {p}",
                "Gminny Ośrodek Pomocy Społecznej w {p}", "Urząd Gminy {p}"]
LONG_ORGS = ["Urząd Marszałkowski Województwa Kujawsko-Pomorskiego",
             "Urząd Marszałkowski Województwa Warmińsko-Mazurskiego w Olsztynie",
             "Mazowiecki Urząd Wojewódzki w Warszawie, Wydział Bezpieczeństwa i Zarządzania Kryzysowego",
             "Regionalna Izba Obrachunkowa w Łodzi",
             "Związek Gmin Wiejskich Rzeczypospolitej Polskiej"]
POSITIONS = ["Sekretarz Gminy", "Sekretarz Miasta", "Sekretarz Powiatu", "Zastępca Sekretarza",
             "Kierownik Referatu Organizacyjnego", "Inspektor ds. kadr", "Inspektor Ochrony Danych",
             "Kierownik Urzędu Stanu Cywilnego", "Skarbnik Gminy", "Wójt", "Burmistrz",
             "Główny specjalista ds. informatyki", "Radca prawny"]
PARTNERS = ["Asseco Data Systems S.A.", "Fundacja Rozwoju Demokracji Lokalnej", "Wydawnictwo Wiedza i Praktyka",
            "Polska Wytwórnia Papierów Wartościowych S.A.", "Krajowa Szkoła Administracji Publicznej"]
MEDIA = ["Gazeta Samorządu i Administracji", "Wspólnota — pismo samorządu terytorialnego", "Portal Samorządowy"]
WORKSHOPS_D1 = ["D1-WS-KPA", "D1-WS-RODO"]
WORKSHOPS_D2 = ["D2-WS-LIDER", "D2-WS-ZAMOW"]


def ascii_slug(text: str) -> str:
    text = text.replace("ł", "l").replace("Ł", "L")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if c.isascii() and (c.isalnum() or c in ".-"))


def surname(base: str, female: bool) -> str:
    if base.endswith("sk") or base.endswith("ck") or base.endswith("dzk"):
        return base + ("a" if female else "i")
    if base.endswith("ński") or base.endswith("liński") or base.endswith("ński"):
        return base[:-1] + "a" if female else base
    return base


def main(out: Path) -> None:
    rnd = random.Random(20221019)
    rows = []
    fixed = [
        ("Łukasz", "Żółć-Ślęzak", "Urząd Gminy Brzęczyszczykiewice", "Sekretarz Gminy", "Uczestnik"),
        ("Małgorzata", "Brzęczyszczykiewicz-Wójcik", "Urząd Marszałkowski Województwa Kujawsko-Pomorskiego",
         "Dyrektor Departamentu Organizacyjnego", "Prelegent"),
        ("Grzegorz", "Brzęczyszczykiewicz", "Urząd Gminy Chrząszczyżewoszyce, powiat Łękołody",
         "Sekretarz Gminy", "Uczestnik"),
        ("Źdźisława", "Ćwiąkalska", "Starostwo Powiatowe w Łęcznej", "Sekretarz Powiatu", "Uczestnik"),
    ]
    for i in range(420):
        if i < len(fixed):
            first, last, org, pos, cat = fixed[i]
        else:
            female = rnd.random() < 0.62
            first = rnd.choice(FIRST_F if female else FIRST_M)
            last = surname(rnd.choice(LAST_BASE), female)
            if rnd.random() < 0.06:
                last += "-" + surname(rnd.choice(LAST_BASE), female)
            roll = rnd.random()
            if roll < 0.82:
                org = rnd.choice(LONG_ORGS) if rnd.random() < 0.05 else rnd.choice(ORG_PATTERNS).format(
                    p=rnd.choice(PLACES))
                pos, cat = rnd.choice(POSITIONS), "Uczestnik"
            elif roll < 0.88:
                org, pos, cat = rnd.choice(LONG_ORGS + PARTNERS), "Ekspert", "Prelegent"
            elif roll < 0.93:
                org, pos, cat = rnd.choice(PARTNERS), "Przedstawiciel handlowy", "Partner"
            elif roll < 0.96:
                org, pos, cat = rnd.choice(MEDIA), "Dziennikarz", "Media"
            else:
                org, pos, cat = "Fundacja Rozwoju Demokracji Lokalnej", "Koordynator", "Organizator"
        days_roll = rnd.random()
        days = "2022-10-19, 2022-10-20" if days_roll < 0.8 else rnd.choice(["2022-10-19", "2022-10-20"])
        sessions = []
        if "2022-10-19" in days and rnd.random() < 0.17:
            sessions.append(rnd.choice(WORKSHOPS_D1))
        if "2022-10-20" in days and rnd.random() < 0.17:
            sessions.append(rnd.choice(WORKSHOPS_D2))
        email = f"{ascii_slug(first).lower()}.{ascii_slug(last).lower()}{i % 7 or ''}@example.gov.pl"
        rows.append({
            "Nr zgłoszenia": f"KS22-{1000 + i}",
            "Imię": first,
            "Nazwisko": last,
            "Instytucja": org,
            "Stanowisko": pos,
            "E-mail": email,
            "Telefon": f"+48 {rnd.randint(500, 899)} {rnd.randint(100, 999)} {rnd.randint(100, 999)}",
            "Kategoria": cat,
            "Dni": days,
            "Sesje": ", ".join(sessions),
            "Kod biletu": f"KS22{rnd.randint(10**7, 10**8 - 1)}",
        })
    with out.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), delimiter=";")
        writer.writeheader()
        writer.writerows(rows)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parents[1] / "resources/demo/roster.csv")
