import type { FeatureCollection } from "geojson";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { feature } from "topojson-client";
import type { Topology } from "topojson-specification";
import type { DistrictSummary } from "../../../contracts/district-dashboard.ts";
import { useFormat } from "../../i18n/use-format.ts";
import { findShareBand, isoNumericByAlpha2, shareBands } from "./district-figures.ts";
import { type ChartOption, EChart, echarts } from "./echart.tsx";

const unknownColour = "#9aa5b1";

/** The outlines of the partner countries (world-atlas 1:110m), loaded once, on demand. */
async function loadPartnerOutlines(countryCodes: readonly string[]): Promise<string> {
  const ids = new Set(countryCodes.map((code) => isoNumericByAlpha2[code]).filter(Boolean));
  const module = await import("world-atlas/countries-110m.json");
  const topology = module.default as unknown as Topology;
  const countries = topology.objects.countries;
  if (!countries) throw new Error("world-atlas has no countries object");
  const collection = feature(topology, countries) as FeatureCollection;
  const partners: FeatureCollection = {
    type: "FeatureCollection",
    features: collection.features.filter((item) => ids.has(String(item.id))),
  };
  const name = `sector-partners-${[...ids].sort().join("-")}`;
  echarts.registerMap(name, partners as never);
  return name;
}

/**
 * The districts on a map of the partner countries, coloured by the share in distress (by count) in
 * bands, each point labelled with its name and share; a click opens the district's dashboard.
 */
export function DistrictMap({
  districts,
  linkOf,
}: {
  districts: DistrictSummary[];
  linkOf: (district: DistrictSummary) => string;
}) {
  const { t, i18n } = useTranslation("districts");
  const format = useFormat();
  const navigate = useNavigate();
  const [mapName, setMapName] = useState<string | undefined>();
  const [hasFailed, setHasFailed] = useState(false);
  const countryKey = [...new Set(districts.map((district) => district.countryCode))].sort().join(",");
  useEffect(() => {
    if (!countryKey) return;
    loadPartnerOutlines(countryKey.split(",")).then(setMapName, () => setHasFailed(true));
  }, [countryKey]);
  const placed = districts.filter(
    (district) => district.centroidLatitude !== null && district.centroidLongitude !== null,
  );
  const option = useMemo<ChartOption | undefined>(() => {
    if (!mapName) return undefined;
    return {
      aria: { enabled: true },
      tooltip: { trigger: "item" },
      geo: {
        map: mapName,
        roam: true,
        itemStyle: { areaColor: "#eef2f6", borderColor: "#9aa5b1" },
        emphasis: { disabled: true },
      },
      series: [
        {
          type: "scatter",
          coordinateSystem: "geo",
          symbolSize: 16,
          cursor: "pointer",
          data: placed.map((district) => {
            const share = district.headline?.distressShare.byCount;
            const band = findShareBand(share);
            const name = i18n.language === "it" ? district.nameIt : district.nameEn;
            const shareText = share === null || share === undefined ? "—" : format.percent(share);
            return {
              id: district.code,
              name: `${name}: ${shareText}`,
              value: [district.centroidLongitude, district.centroidLatitude],
              itemStyle: { color: band?.colour ?? unknownColour, borderColor: "#17212b", borderWidth: 1 },
            };
          }),
          label: { show: true, position: "right", formatter: "{b}", fontSize: 12, color: "#17212b" },
        },
      ],
    };
  }, [mapName, placed, format, i18n.language]);
  return (
    <figure className="districts-map">
      {hasFailed && <p className="alert alert--error">{t("map.failed")}</p>}
      {option ? (
        <EChart
          option={option}
          label={t("map.label")}
          height={440}
          onItemClick={(code) => {
            const district = districts.find((item) => item.code === code);
            if (district) navigate(linkOf(district));
          }}
        />
      ) : (
        !hasFailed && <p role="status">{t("map.loading")}</p>
      )}
      <figcaption>
        <span>{t("map.legend")}</span>
        <ul className="districts-legend">
          {shareBands.map((band) => (
            <li key={band.from}>
              <span
                className="districts-legend__swatch"
                style={{ background: band.colour }}
                aria-hidden="true"
              />
              {t("map.band", { from: format.percent(band.from, 0), to: format.percent(band.to, 0) })}
            </li>
          ))}
          <li>
            <span
              className="districts-legend__swatch"
              style={{ background: unknownColour }}
              aria-hidden="true"
            />
            {t("map.unknown")}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
