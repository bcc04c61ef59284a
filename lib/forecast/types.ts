/**
 * The one interface every forecasting model family implements: fit on one series, then forecast
 * any horizon with its mean and (where the model has them) 80% and 95% prediction intervals.
 * Series are plain arrays of finite numbers, oldest first, equally spaced (gaps are filled before
 * a model sees them).
 */

export interface FitOptions {
  /** Seasonal period in observations (1 = no seasonality; 52 weekly, 12 monthly, 4 quarterly, 7 daily). */
  period: number;
}

export interface Forecast {
  /** Point forecasts, h values. */
  mean: number[];
  /** Prediction intervals, h values each; absent when the model has none (the caller then uses conformal ones). */
  lo80?: number[];
  hi80?: number[];
  lo95?: number[];
  hi95?: number[];
}

export interface FittedModel {
  /** What was fitted, readable: "ETS(M,Ad,N)", "ARIMA(0,1,1) with drift", "Theta", "Seasonal naive". */
  method: string;
  /** One-step-ahead in-sample fitted values (NaN where undefined), when the model has them. */
  fitted?: number[];
  /** Information criterion the model was chosen by, when it has one. */
  aicc?: number;
  forecast(h: number): Forecast;
}

export interface ModelFamily<O extends FitOptions = FitOptions> {
  /** Stable key used in stored backtests and the UI: "snaive", "ets", "theta", "arima", "nn", ... */
  key: string;
  /** Shortest history (in observations) the family can be fitted on for this period. */
  minLength(period: number): number;
  fit(y: readonly number[], options: O): FittedModel;
}
