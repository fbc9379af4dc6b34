//! Snippets written for these tests: German and English news headlines (5–8 words, many with
//! loanwords) and short paragraphs of two or more sentences, plus paragraphs and headlines
//! in other languages.

/// German headlines of 5–8 words.
pub(crate) const GERMAN_HEADLINES: &[&str] = &[
    "Live-Ticker: Bundestag stimmt über Haushalt ab",
    "CEO von Siemens kündigt Stellenabbau an",
    "Update: Scholz telefoniert erneut mit Selenskyj",
    "Streik bei der Bahn legt Fernverkehr lahm",
    "Kanzler lehnt Lieferung von Marschflugkörpern ab",
    "Polizei räumt Protestcamp vor dem Kanzleramt",
    "Inflation sinkt im März auf 2,2 Prozent",
    "Start-up aus Berlin sammelt 50 Millionen ein",
    "Breaking News: Erdbeben erschüttert Südtürkei erneut",
    "Regierung plant neues Gesetz gegen Fake News",
    "Tesla-Chef Musk besucht Gigafactory in Grünheide",
    "Newsblog: Waffenruhe in Gaza hält vorerst",
    "Smartphone-Markt: Apple überholt Samsung knapp",
    "Black Friday: Händler melden Rekordumsatz online",
    "Homeoffice-Pflicht endet im Sommer",
    "Team USA gewinnt Gold im Basketball",
];

/// German paragraphs of two or more sentences.
pub(crate) const GERMAN_PARAGRAPHS: &[&str] = &[
    "Die Bundesregierung hat am Mittwoch ein neues Entlastungspaket beschlossen. Es soll vor allem \
     Familien mit geringem Einkommen helfen, sagte Finanzminister Lindner in Berlin.",
    "Nach dem Erdbeben im Südosten der Türkei ist die Zahl der Toten weiter gestiegen. Rettungskräfte \
     suchen noch immer nach Verschütteten. Die Vereinten Nationen sagten Hilfe zu.",
    "Der Vorstandschef des Konzerns kündigte an, bis Ende des Jahres 3000 Stellen abzubauen. Die \
     Gewerkschaft IG Metall sprach von einem schwarzen Tag für die Beschäftigten.",
    "Im Live-Ticker halten wir Sie über die Entwicklungen auf dem Laufenden. Zuletzt hatte das \
     Ministerium mitgeteilt, dass die Gespräche am Abend fortgesetzt werden.",
    "Russland hat in der Nacht erneut Ziele in der Ukraine angegriffen. Nach Angaben der ukrainischen \
     Luftwaffe wurden 30 Drohnen abgeschossen.",
    "Die Polizei war mit einem Großaufgebot im Einsatz. Mehrere Demonstranten wurden vorübergehend \
     festgenommen, weil sie eine Straße blockiert hatten.",
    "Das Start-up will mit dem Geld seine Software für Batteriespeicher weiterentwickeln. Investoren \
     aus den USA und Japan beteiligen sich an der Finanzierungsrunde.",
    "Der Bundestag debattiert heute über den Haushalt für das kommende Jahr. Die Opposition wirft \
     der Koalition vor, die Schuldenbremse zu umgehen.",
    "Wegen des Streiks fallen im Fernverkehr rund 80 Prozent der Züge aus. Die Bahn rät Reisenden, \
     ihre Fahrt zu verschieben, und hat einen Ersatzfahrplan veröffentlicht.",
    "Die Inflationsrate ist im März auf 2,2 Prozent gesunken. Vor allem Energie war billiger als \
     vor einem Jahr, teilte das Statistische Bundesamt mit.",
];

/// English headlines of 5–8 words.
pub(crate) const ENGLISH_HEADLINES: &[&str] = &[
    "Live updates: Senate votes on spending bill",
    "Tesla CEO says deliveries will rise again",
    "Update: Ukraine talks resume in Istanbul",
    "Storm knocks out power for thousands",
    "Markets slide as Fed signals higher rates",
    "Police arrest three after Berlin protest",
    "Chancellor Scholz rejects Taurus missile delivery",
    "Startup raises $50 million for battery plant",
    "Breaking: Earthquake hits southern Turkey again",
    "Government unveils plan to tackle fake news",
    "Kremlin denies drone attack on Moscow",
    "Union leaders call off rail strike",
    "Merkel successor faces Bundestag vote",
    "Volkswagen recalls diesel cars in Germany",
    "Israel and Hamas agree ceasefire deal",
    "Bundesliga club sacks coach after defeat",
];

/// English paragraphs of two or more sentences.
pub(crate) const ENGLISH_PARAGRAPHS: &[&str] = &[
    "The government approved a new relief package on Wednesday. It is aimed mainly at families on \
     low incomes, the finance minister told reporters in Berlin.",
    "The death toll from the earthquake in southeastern Turkey has risen again. Rescue workers are \
     still searching for people trapped under the rubble, and the United Nations has pledged aid.",
    "The company's chief executive said it would cut 3,000 jobs by the end of the year. The union \
     called it a dark day for workers.",
    "Follow our live blog for the latest developments. The ministry said earlier that talks would \
     continue into the evening.",
    "Russia launched another wave of attacks on Ukraine overnight. According to the Ukrainian air \
     force, 30 drones were shot down.",
    "Police deployed in large numbers. Several protesters were briefly detained after they blocked \
     a road outside the chancellery.",
    "The startup plans to use the money to develop its software for battery storage. Investors from \
     the US and Japan are taking part in the funding round.",
    "Lawmakers are debating next year's budget today. The opposition accuses the coalition of \
     getting around the debt brake.",
    "About 80 percent of long-distance trains have been cancelled because of the strike. The rail \
     operator advised passengers to postpone their trips.",
    "Inflation fell to 2.2 percent in March. Energy in particular was cheaper than a year ago, the \
     statistics office said.",
];

/// Paragraphs in other languages, with the ISO 639-1 code the detector should report.
pub(crate) const OTHER_PARAGRAPHS: &[(&str, &str)] = &[
    (
        "fr",
        "Le gouvernement a adopté mercredi un nouveau plan d'aide. Il doit surtout soutenir les \
         familles aux revenus modestes, a déclaré le ministre des Finances.",
    ),
    (
        "fr",
        "La police a interpellé plusieurs manifestants qui bloquaient la route. Selon la préfecture, \
         la situation est revenue au calme dans la soirée.",
    ),
    (
        "es",
        "El Gobierno aprobó el miércoles un nuevo paquete de ayudas. Según el ministro, las medidas \
         beneficiarán sobre todo a las familias con menos ingresos.",
    ),
    (
        "es",
        "Los equipos de rescate siguen buscando a personas atrapadas bajo los escombros. La cifra de \
         muertos por el terremoto no deja de aumentar.",
    ),
    (
        "nl",
        "De regering heeft woensdag een nieuw steunpakket goedgekeurd. Het is vooral bedoeld voor \
         gezinnen met een laag inkomen, zei de minister van Financiën.",
    ),
    (
        "nl",
        "Door de staking rijden er vandaag veel minder treinen. De spoorwegen raden reizigers aan om \
         hun reis uit te stellen als dat mogelijk is.",
    ),
    (
        "it",
        "Il governo ha approvato mercoledì un nuovo pacchetto di aiuti. Secondo il ministro, le misure \
         aiuteranno soprattutto le famiglie con redditi bassi.",
    ),
    (
        "it",
        "La polizia ha fermato diversi manifestanti che bloccavano la strada. In serata la situazione \
         è tornata alla calma.",
    ),
    (
        "ru",
        "Правительство в среду одобрило новый пакет помощи. По словам министра, меры прежде всего \
         помогут семьям с низкими доходами.",
    ),
    (
        "tr",
        "Hükümet çarşamba günü yeni bir yardım paketini onayladı. Bakan, önlemlerin özellikle düşük \
         gelirli ailelere yardımcı olacağını söyledi.",
    ),
    (
        "pl",
        "Rząd przyjął w środę nowy pakiet pomocowy. Według ministra finansów ma on przede wszystkim \
         wesprzeć rodziny o niskich dochodach.",
    ),
    (
        "pt",
        "O governo aprovou na quarta-feira um novo pacote de ajuda. Segundo o ministro, as medidas vão \
         beneficiar sobretudo as famílias com rendimentos baixos.",
    ),
    (
        "sv",
        "Regeringen godkände på onsdagen ett nytt stödpaket. Enligt finansministern ska det framför allt \
         hjälpa familjer med låga inkomster.",
    ),
    (
        "da",
        "Regeringen vedtog onsdag en ny hjælpepakke. Ifølge finansministeren skal den især hjælpe \
         familier med lave indkomster.",
    ),
    (
        "uk",
        "Уряд у середу схвалив новий пакет допомоги. За словами міністра, заходи насамперед допоможуть \
         сім'ям з низькими доходами.",
    ),
    (
        "cs",
        "Vláda ve středu schválila nový balíček pomoci. Podle ministra financí má pomoci především \
         rodinám s nízkými příjmy.",
    ),
];

/// Headlines in other languages: these must never come out German or English.
pub(crate) const OTHER_HEADLINES: &[(&str, &str)] = &[
    ("fr", "Le gouvernement adopte un nouveau plan d'aide"),
    ("es", "La policía detiene a tres manifestantes en Madrid"),
    ("nl", "Kabinet presenteert nieuw plan tegen inflatie"),
    ("it", "Sciopero dei treni, caos nelle stazioni italiane"),
    ("ru", "Кремль отрицает атаку беспилотников на Москву"),
    ("tr", "Deprem bölgesinde arama çalışmaları sürüyor"),
    ("sv", "Regeringen höjer skatten på bensin igen"),
    ("da", "Statsministeren udskriver valg til november"),
    ("pl", "Rząd zapowiada nowe podatki od przyszłego roku"),
    ("pt", "Governo anuncia novas medidas contra a inflação"),
];

/// Inputs with no language in them.
pub(crate) const UNCLEAR: &[&str] =
    &["", "   \n\t", "12345 678", "2024-03-05", "!!! ???", "€ 5,00", "+++", "😀 😀", "42", "1. 2. 3.", "---\n***"];
