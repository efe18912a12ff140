"""forms/differensiering-*.form: the differentiation round's user tasks (guide §15.3). Run: python3 tools/differentiation_forms.py"""
import json
import os

OUT = os.path.join(os.path.dirname(__file__), "..", "forms")


def text(i, t):
    return {"type": "text", "id": i, "text": t}


def date(k, label, required=True, description=None):
    c = {"type": "datetime", "id": k, "key": k, "subtype": "date", "dateLabel": label, "validate": {"required": required}}
    if description:
        c["description"] = description
    return c


def area(k, label, required=True, description=None):
    c = {"type": "textarea", "id": k, "key": k, "label": label, "validate": {"required": required, "maxLength": 4000}}
    if description:
        c["description"] = description
    return c


def radio(k, label, values):
    return {"type": "radio", "id": k, "key": k, "label": label, "values": [{"label": l, "value": v} for v, l in values],
            "validate": {"required": True}}


def check(k, label):
    return {"type": "checkbox", "id": k, "key": k, "label": label, "validate": {"required": True}}


def number(k, label, suffix, mx):
    return {"type": "number", "id": k, "key": k, "label": label, "appearance": {"suffixAdorner": suffix},
            "validate": {"required": True, "min": 0, "max": mx}}


def write(fid, components):
    form = {"$schema": "https://unpkg.com/@camunda/schema@latest/resources/schema.json", "executionPlatform": "Camunda Cloud",
            "executionPlatformVersion": "8.8.0", "exporter": {"name": "Programflyt", "version": "0.1"}, "schemaVersion": 18,
            "id": fid, "type": "default", "components": components}
    with open(os.path.join(OUT, fid + ".form"), "w", encoding="utf-8") as fh:
        json.dump(form, fh, ensure_ascii=False, indent=2)
        fh.write("\n")


write("differensiering-kalender", [
    text("intro", "Sett datoene for årets differensieringsrunde (programveilederen §15.3). Forslagene er standarddatoene; "
                  "programstyret behandler plasseringene en uke etter fristen for fylkeskommunenes tilbakemelding. "
                  "Påminnelser sendes før hver dato og varsel til prosjektleder etter."),
    date("informasjonsmote", "Informasjonsmøte med fylkeskommunene (tidlig i september)"),
    date("informasjonsgrunnlag", "Informasjonsgrunnlag til fylkeskommunene (tidlig i oktober, før statsbudsjettet)"),
    date("fylkesmote", "Individuelle møter med hver fylkeskommune (medio oktober)"),
    date("budsjettramme", "Frist for fylkeskommunenes foreløpige ramme (ultimo oktober / primo november)"),
    date("modellgjennomgang", "Gjennomgang av modellene: trinn og beløp (primo november)"),
    date("plasseringsforslag", "Forslag til innplassering til fylkeskommunene (medio november)"),
    date("tilbakemelding", "Frist for fylkeskommunenes skriftlige tilbakemelding (medio/ultimo november)"),
    date("varsling", "Varsling av operatørene (primo desember)"),
])
write("differensiering-informasjonsmote", [
    text("intro", "Digitalt informasjonsmøte med alle fylkeskommunene: differensieringskriteriene, tidsplanen og "
                  "kommunikasjonsplanen (§15.3.1)."),
    date("avholdt", "Møtet ble holdt"),
    area("deltakere", "Deltakere"),
    area("referat", "Referat"),
])
write("differensiering-analyse", [
    text("intro", "Gjennomfør differensieringsanalysen (§15.2): importer eller registrer indikatordata for alle operatører "
                  "på rundens side, kontroller poengene, og sett minimum og potensial (trinn) for hver operatør. "
                  "Resultatene låses når oppgaven fullføres."),
    check("kvalitetssikret", "Dataene er kvalitetssikret, og minimum og potensial er satt for alle operatører"),
    area("merknad", "Merknad til analysen", required=False),
])
write("differensiering-fylkesmote", [
    text("intro", "Individuelt digitalt møte med fylkeskommunen der informasjonsgrunnlaget presenteres og diskuteres (§15.3.4)."),
    date("avholdt", "Møtet ble holdt"),
    area("referat", "Referat"),
])
write("differensiering-ramme", [
    text("intro", "Meld fylkeskommunens foreløpige økonomiske ramme for Sivas oppdrag i fylket, etter at forslaget til "
                  "statsbudsjett er lagt fram (§15.3.5). Siva foreslår fordelingen på operatørene innenfor rammen."),
    number("ramme", "Foreløpig ramme per år", "kr", 1000000000),
    area("forbehold", "Forbehold", required=False),
])
write("differensiering-modeller", [
    text("intro", "Gjennomgå modellene: antall trinn og beløp per trinn (§15.3.6). Endringer diskuteres med Programrådet "
                  "før de behandles i Programstyret; registrer ny versjon av tilskuddsmodellen før oppgaven fullføres."),
    radio("resultat", "Resultat av gjennomgangen", [("uendret", "Modellene er uendret"),
                                                    ("endret", "Modellene er endret (ny versjon er registrert)")]),
    area("behandling", "Behandling og begrunnelse", description="Ved endring: når Programrådet og Programstyret behandlet den."),
])
write("differensiering-forslag", [
    text("intro", "Foreslå innplassering av hver operatør i fylket på et trinn (§15.3.7). Sett trinnene på fylkets side "
                  "i runden; summen må være innenfor fylkeskommunens ramme. Forslaget sendes fylkeskommunen som PDF."),
    area("merknad", "Merknad til fylkeskommunen", required=False),
])
write("differensiering-tilbakemelding", [
    text("intro", "Fylkeskommunens skriftlige tilbakemelding på forslaget til innplassering (§15.3.8), med forbehold om "
                  "vedtak i statsbudsjettet og eventuelle øvrige vedtak i fylket (for eksempel politisk behandling)."),
    radio("vedtak", "Tilbakemelding", [("godkjent", "Fylkeskommunen slutter seg til forslaget"),
                                       ("endring", "Fylkeskommunen ber om endringer i forslaget")]),
    area("forbehold", "Forbehold", description="For eksempel: forbehold om Stortingets vedtak av statsbudsjettet og politisk behandling i fylket."),
    area("begrunnelse", "Begrunnelse eller ønskede endringer", required=False),
])
write("differensiering-programstyret", [
    text("intro", "Programstyret tar innplasseringene til etterretning, med de forbehold fylkeskommunene har tatt (§15.3.9). "
                  "Siva sender saksnotat til styret."),
    date("motedato", "Programstyrets møte"),
    area("vedtak", "Programstyrets vedtak"),
])
